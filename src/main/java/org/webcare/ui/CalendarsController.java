package org.webcare.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.webcare.calendar.BusinessCalendar;
import org.webcare.calendar.BusinessCalendars;
import org.webcare.calendar.CalendarDefinition;
import org.webcare.calendar.DutchHoliday;
import org.webcare.channel.Brand;
import org.webcare.channel.Channels;
import org.webcare.shared.ConflictException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The team lead's calendar editor: each brand's business calendars, and per calendar its time zone, the periods of each
 * weekday (added and removed in place), the Dutch holidays it keeps, extra closed dates and an iCal import, with a
 * preview of the dates it is closed this year and next. An invalid entry is shown next to its field.
 */
@Controller
@PreAuthorize("hasRole('LEAD')")
class CalendarsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEFAULT_ZONE = "Europe/Amsterdam";

    private final BusinessCalendars calendars;
    private final Channels channels;

    CalendarsController(BusinessCalendars calendars, Channels channels) {
        this.calendars = calendars;
        this.channels = channels;
    }

    @GetMapping("/calendars")
    String list(Model model) {
        List<Brand> brands = channels.brands();
        Map<Long, List<BusinessCalendar>> byBrand = new LinkedHashMap<>();
        for (Brand brand : brands) {
            byBrand.put(brand.id(), calendars.ofBrand(brand.id()));
        }
        model.addAttribute("brands", brands);
        model.addAttribute("calendars", byBrand);
        return "calendars/list";
    }

    @GetMapping("/calendars/new")
    String create(@RequestParam long brand, Model model) {
        CalendarForm form = new CalendarForm(null, brand, "", DEFAULT_ZONE, new LinkedHashMap<>(), new LinkedHashSet<>(), "", "");
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            form.periods().get(day).add(new String[] {"09:00", "17:00"});
        }
        for (DutchHoliday holiday : DutchHoliday.values()) {
            form.dutch().add(holiday.key());
        }
        return editor(model, form, null, null);
    }

    @GetMapping("/calendars/{id}")
    String edit(@PathVariable long id, Model model) {
        BusinessCalendar calendar = calendars.get(id);
        return editor(model, CalendarForm.of(calendar), null, calendar.definition());
    }

    /**
     * Saves the editor, or re-renders it: with a period more or less when one of those buttons was pressed, with the
     * message next to the field when something is invalid.
     */
    @PostMapping(path = "/calendars/save")
    String save(@RequestParam MultiValueMap<String, String> params, @RequestParam(name = "icsFile", required = false) MultipartFile icsFile,
                Model model) {
        CalendarForm form = CalendarForm.from(params);
        String add = params.getFirst("addPeriod");
        String remove = params.getFirst("removePeriod");
        if (add != null) {
            form.periods().get(DayOfWeek.valueOf(add)).add(new String[] {"", ""});
            return editor(model, form, null, null);
        }
        if (remove != null) {
            String[] dayAndIndex = remove.split(":");
            List<String[]> periods = form.periods().get(DayOfWeek.valueOf(dayAndIndex[0]));
            int index = Integer.parseInt(dayAndIndex[1]);
            if (index >= 0 && index < periods.size()) {
                periods.remove(index);
            }
            return editor(model, form, null, null);
        }
        form.dropEmptyRows();
        try {
            CalendarDefinition definition = CalendarDefinition.parse(JSON.valueToTree(form.definitionJson()));
            String ics = icsFile == null || icsFile.isEmpty() ? null : new String(icsFile.getBytes(), StandardCharsets.UTF_8);
            if (ics != null) {
                definition = definition.withClosedDates(BusinessCalendars.datesOf(ics, definition.timeZone()));
            }
            BusinessCalendar saved = form.id() == null
                    ? calendars.create(form.brandId(), form.name(), definition)
                    : calendars.update(form.id(), form.name(), definition);
            if (!form.icsUrl().isBlank()) {
                saved = calendars.importIcsFrom(saved.id(), form.icsUrl());
            }
            return "redirect:/calendars/" + saved.id() + "?saved";
        } catch (IllegalArgumentException | ConflictException e) {
            return editor(model, form, e.getMessage(), null);
        } catch (IOException e) {
            return editor(model, form, "ics: the file could not be read", null);
        }
    }

    @PostMapping("/calendars/{id}/delete")
    String delete(@PathVariable long id) {
        calendars.delete(id);
        return "redirect:/calendars";
    }

    private String editor(Model model, CalendarForm form, String error, CalendarDefinition saved) {
        model.addAttribute("form", form);
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("holidays", DutchHoliday.values());
        model.addAttribute("brand", channels.brands().stream().filter(b -> b.id() == form.brandId()).findFirst().orElse(null));
        String field = error == null || error.indexOf(':') < 0 ? "" : error.substring(0, error.indexOf(':'));
        model.addAttribute("errorField", field);
        model.addAttribute("error", error);
        CalendarDefinition preview = saved;
        if (preview == null) {
            try {
                preview = CalendarDefinition.parse(JSON.valueToTree(form.definitionJson()));
            } catch (IllegalArgumentException e) {
                preview = null;
            }
        }
        int year = Year.now().getValue();
        Map<Integer, List<BusinessCalendar.Holiday>> closed = new LinkedHashMap<>();
        if (preview != null) {
            closed.put(year, BusinessCalendar.holidays(preview, year));
            closed.put(year + 1, BusinessCalendar.holidays(preview, year + 1));
        }
        model.addAttribute("preview", closed);
        return "calendars/editor";
    }

    /** What the editor holds, as typed: periods as pairs of text, extra dates one a line. */
    record CalendarForm(Long id, long brandId, String name, String timeZone, Map<DayOfWeek, List<String[]>> periods,
                        Set<String> dutch, String dates, String icsUrl) {

        CalendarForm {
            Map<DayOfWeek, List<String[]>> all = new LinkedHashMap<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                all.put(day, new ArrayList<>(periods.getOrDefault(day, List.of())));
            }
            periods = all;
        }

        static CalendarForm of(BusinessCalendar calendar) {
            CalendarDefinition definition = calendar.definition();
            Map<DayOfWeek, List<String[]>> periods = new LinkedHashMap<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                periods.put(day, new ArrayList<>(definition.periods(day).stream().map(p -> new String[] {p.startText(), p.endText()}).toList()));
            }
            Set<String> dutch = new LinkedHashSet<>(definition.dutchHolidays().stream().map(DutchHoliday::key).toList());
            String dates = String.join("\n", definition.closedDates().stream().map(LocalDate::toString).toList());
            return new CalendarForm(calendar.id(), calendar.brandId(), calendar.name(), definition.timeZone().getId(), periods, dutch, dates, "");
        }

        static CalendarForm from(MultiValueMap<String, String> params) {
            String id = params.getFirst("id");
            Map<DayOfWeek, List<String[]>> periods = new LinkedHashMap<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                List<String> starts = params.getOrDefault(day + ".start", List.of());
                List<String> ends = params.getOrDefault(day + ".end", List.of());
                List<String[]> pairs = new ArrayList<>();
                for (int i = 0; i < Math.max(starts.size(), ends.size()); i++) {
                    String start = i < starts.size() ? starts.get(i).strip() : "";
                    String end = i < ends.size() ? ends.get(i).strip() : "";
                    pairs.add(new String[] {start, end});
                }
                periods.put(day, pairs);
            }
            return new CalendarForm(id == null || id.isBlank() ? null : Long.parseLong(id), Long.parseLong(params.getFirst("brandId")),
                    value(params, "name"), value(params, "timeZone"), periods,
                    new LinkedHashSet<>(params.getOrDefault("dutch", List.of())), value(params, "dates"), value(params, "icsUrl"));
        }

        private static String value(MultiValueMap<String, String> params, String name) {
            String value = params.getFirst(name);
            return value == null ? "" : value.strip();
        }

        /** Rows left empty are no periods; dropped before saving, so that a message's row number is the row shown. */
        void dropEmptyRows() {
            for (List<String[]> pairs : periods.values()) {
                pairs.removeIf(CalendarForm::empty);
            }
        }

        private static boolean empty(String[] pair) {
            return pair[0].isEmpty() && pair[1].isEmpty();
        }

        /** The definition's JSON shape. */
        Map<String, Object> definitionJson() {
            Map<String, Object> hours = new LinkedHashMap<>();
            periods.forEach((day, pairs) -> hours.put(day.name(), pairs.stream().filter(pair -> !empty(pair)).map(List::of).toList()));
            List<String> dateList = dates.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("timeZone", timeZone);
            json.put("hours", hours);
            json.put("holidays", Map.of("dates", dateList, "dutch", List.copyOf(dutch)));
            return json;
        }
    }
}
