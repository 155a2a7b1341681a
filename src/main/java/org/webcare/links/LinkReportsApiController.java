package org.webcare.links;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.webcare.shared.CsvExport;

/** REST API of link traffic, for team leads: clicks on links in replies per brand, channel, template or link. */
@RestController
@Tag(name = "Reports")
class LinkReportsApiController {

    private final LinkTraffic traffic;
    private final ZoneId zone;

    LinkReportsApiController(LinkTraffic traffic, @Value("${webcare.time-zone:Europe/Amsterdam}") String zone) {
        this.traffic = traffic;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/api/v1/reports/links")
    @PreAuthorize("hasRole('LEAD')")
    @Operation(summary = "Traffic from links in replies (team leads)",
            description = "from/to: local dates, both included (default: the last 30 days up to today); by: brand, "
                    + "channel, template or link (default brand); format=csv gives CSV.")
    ResponseEntity<?> report(@RequestParam(required = false) Long brand, @RequestParam(required = false) Long channel,
                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String by, @RequestParam(required = false) String format) {
        LocalDate until = date("to", to, LocalDate.now(zone));
        LinkTrafficReport report = traffic.report(date("from", from, until.minusDays(29)), until, brand, channel, grouping(by));
        if (format != null && format.equalsIgnoreCase("csv")) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"link-traffic.csv\"")
                    .body(csv(report));
        }
        if (format != null && !format.equalsIgnoreCase("json")) {
            throw new IllegalArgumentException("format: json or csv, got '" + format + "'");
        }
        return ResponseEntity.ok(report);
    }

    static String csv(LinkTrafficReport report) {
        List<List<?>> rows = new ArrayList<>();
        for (LinkTrafficReport.Row row : report.rows()) {
            rows.add(List.of(row.key(), row.label(), row.links(), row.clicks(), row.previews()));
        }
        return CsvExport.table(List.of(report.by().name().toLowerCase(Locale.ROOT), "label", "links", "clicks", "previews"), rows);
    }

    static LinkGrouping grouping(String by) {
        if (by == null || by.isBlank()) {
            return LinkGrouping.BRAND;
        }
        try {
            return LinkGrouping.valueOf(by.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("by: brand, channel, template or link, got '" + by + "'");
        }
    }

    static LocalDate date(String name, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": a date such as 2026-11-30, got '" + value + "'");
        }
    }
}
