package org.webcare.calendar;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * REST API of business calendars. Every user reads them; team leads create, change, import into and remove them.
 * The definition has the same JSON shape as the {@code business-time} command's calendar file.
 */
@RestController
@Tag(name = "Business calendars")
class CalendarApiController {

    private static final String LEAD = "hasRole('LEAD')";

    private final BusinessCalendars calendars;

    CalendarApiController(BusinessCalendars calendars) {
        this.calendars = calendars;
    }

    @GetMapping("/api/v1/calendars")
    @Operation(summary = "Business calendars, of one brand or all")
    List<Map<String, Object>> list(@RequestParam(required = false) Long brand) {
        return (brand == null ? calendars.all() : calendars.ofBrand(brand)).stream().map(CalendarApiController::json).toList();
    }

    @GetMapping("/api/v1/calendars/{id}")
    Map<String, Object> one(@PathVariable long id) {
        return json(calendars.get(id));
    }

    @PostMapping("/api/v1/calendars")
    @PreAuthorize(LEAD)
    @Operation(summary = "Add a business calendar to a brand (team leads)",
            description = "{\"brandId\":1,\"name\":\"Office hours\",\"definition\":{\"timeZone\":\"Europe/Amsterdam\",\"hours\":{...},\"holidays\":{...}}}")
    ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body) {
        JsonNode brand = body.get("brandId");
        if (brand == null || !brand.isIntegralNumber()) {
            throw new IllegalArgumentException("brandId: is required");
        }
        BusinessCalendar created = calendars.create(brand.asLong(), text(body, "name"), definition(body));
        return ResponseEntity.created(URI.create("/api/v1/calendars/" + created.id())).body(json(created));
    }

    @PutMapping("/api/v1/calendars/{id}")
    @PreAuthorize(LEAD)
    @Operation(summary = "Change a calendar's name and definition (team leads); a field left out keeps its value")
    Map<String, Object> update(@PathVariable long id, @RequestBody JsonNode body) {
        BusinessCalendar current = calendars.get(id);
        String name = body.has("name") ? text(body, "name") : current.name();
        CalendarDefinition definition = body.has("definition") ? definition(body) : current.definition();
        return json(calendars.update(id, name, definition));
    }

    @DeleteMapping("/api/v1/calendars/{id}")
    @PreAuthorize(LEAD)
    ResponseEntity<Void> delete(@PathVariable long id) {
        calendars.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/v1/calendars/{id}/import-ics", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(LEAD)
    @Operation(summary = "Close the dates of every event in an uploaded iCalendar file (team leads)")
    Map<String, Object> importFile(@PathVariable long id, @RequestPart("file") MultipartFile file) throws IOException {
        return json(calendars.importIcs(id, new String(file.getBytes(), StandardCharsets.UTF_8)));
    }

    @PostMapping(path = "/api/v1/calendars/{id}/import-ics", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(LEAD)
    @Operation(summary = "Close the dates of every event in the iCalendar file at a public URL (team leads)",
            description = "{\"url\":\"https://example.org/holidays.ics\"}; internal addresses are refused")
    Map<String, Object> importUrl(@PathVariable long id, @RequestBody JsonNode body) {
        return json(calendars.importIcsFrom(id, text(body, "url")));
    }

    @GetMapping("/api/v1/calendars/{id}/holidays")
    @Operation(summary = "The dates the calendar is closed in a year, with their names")
    Map<String, Object> holidays(@PathVariable long id, @RequestParam(required = false) Integer year) {
        int which = year == null ? Year.now().getValue() : year;
        if (which < 1583 || which > 9999) {
            throw new IllegalArgumentException("year: must be between 1583 and 9999");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("year", which);
        out.put("holidays", calendars.get(id).holidays(which).stream()
                .map(h -> Map.of("date", h.date().toString(), "name", h.name())).toList());
        return out;
    }

    @PostMapping("/api/v1/calendars/check")
    @Operation(summary = "Validate a calendar definition: 200 with it normalised, or 400 naming the field")
    Map<String, Object> check(@RequestBody JsonNode definition) {
        return CalendarDefinition.parse(definition).toMap();
    }

    private static CalendarDefinition definition(JsonNode body) {
        JsonNode definition = body.get("definition");
        if (definition == null || definition.isNull()) {
            throw new IllegalArgumentException("definition: is required (timeZone, hours, holidays)");
        }
        try {
            return CalendarDefinition.parse(definition);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("definition." + e.getMessage(), e);
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw new IllegalArgumentException(field + ": is required");
        }
        return value.stringValue();
    }

    static Map<String, Object> json(BusinessCalendar calendar) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", calendar.id());
        out.put("brandId", calendar.brandId());
        out.put("name", calendar.name());
        out.put("definition", calendar.definition().toMap());
        return out;
    }
}
