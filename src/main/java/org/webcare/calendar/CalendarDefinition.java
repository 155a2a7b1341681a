package org.webcare.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a business calendar says: its time zone, the opening periods of each weekday (a weekday left out is closed),
 * extra closed dates and which Dutch public holidays it keeps. Read from and written as the JSON shape that the
 * command line, the REST API and the editor share:
 * <pre>{"timeZone":"Europe/Amsterdam","hours":{"MONDAY":[["08:00","12:00"],["13:00","17:30"]]},
 *  "holidays":{"dates":["2026-12-31"],"dutch":["koningsdag"]}}</pre>
 * Invalid input is refused with an {@link IllegalArgumentException} whose message starts with the field.
 */
public record CalendarDefinition(ZoneId timeZone, Map<DayOfWeek, List<OpeningPeriod>> hours, SortedSet<LocalDate> closedDates,
                                 Set<DutchHoliday> dutchHolidays) {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FIELDS = Set.of("timeZone", "hours", "holidays");
    private static final Set<String> HOLIDAY_FIELDS = Set.of("dates", "dutch");

    public CalendarDefinition {
        EnumMap<DayOfWeek, List<OpeningPeriod>> copy = new EnumMap<>(DayOfWeek.class);
        hours.forEach((day, periods) -> copy.put(day, periods.stream().sorted((a, b) -> Integer.compare(a.start(), b.start())).toList()));
        hours = Collections.unmodifiableMap(copy);
        closedDates = Collections.unmodifiableSortedSet(new TreeSet<>(closedDates));
        dutchHolidays = dutchHolidays.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(dutchHolidays));
    }

    /** The periods of a weekday, by start; empty when that weekday is closed. */
    public List<OpeningPeriod> periods(DayOfWeek day) {
        return hours.getOrDefault(day, List.of());
    }

    /** With these dates closed as well (an iCal import). */
    public CalendarDefinition withClosedDates(java.util.Collection<LocalDate> dates) {
        TreeSet<LocalDate> all = new TreeSet<>(closedDates);
        all.addAll(dates);
        return new CalendarDefinition(timeZone, hours, all, dutchHolidays);
    }

    public static CalendarDefinition parse(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("calendar: not valid JSON: " + e.getOriginalMessage());
        }
        return parse(node);
    }

    public static CalendarDefinition parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("calendar: must be a JSON object with timeZone, hours and holidays");
        }
        for (String name : node.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(name + ": unknown field (known: timeZone, hours, holidays)");
            }
        }
        ZoneId zone = zone(node.get("timeZone"));
        Map<DayOfWeek, List<OpeningPeriod>> hours = hours(node.get("hours"));
        SortedSet<LocalDate> dates = new TreeSet<>();
        Set<DutchHoliday> dutch = EnumSet.noneOf(DutchHoliday.class);
        JsonNode holidays = node.get("holidays");
        if (holidays != null && !holidays.isNull()) {
            if (!holidays.isObject()) {
                throw new IllegalArgumentException("holidays: must be an object with dates and dutch");
            }
            for (String name : holidays.propertyNames()) {
                if (!HOLIDAY_FIELDS.contains(name)) {
                    throw new IllegalArgumentException("holidays." + name + ": unknown field (known: dates, dutch)");
                }
            }
            dates.addAll(dates(holidays.get("dates")));
            dutch.addAll(dutch(holidays.get("dutch")));
        }
        return new CalendarDefinition(zone, hours, dates, dutch);
    }

    private static ZoneId zone(JsonNode value) {
        if (value == null || value.isNull() || (value.isString() && value.stringValue().isBlank())) {
            throw new IllegalArgumentException("timeZone: required (e.g. Europe/Amsterdam)");
        }
        if (!value.isString()) {
            throw new IllegalArgumentException("timeZone: must be a zone name such as Europe/Amsterdam");
        }
        try {
            return ZoneId.of(value.stringValue());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone: unknown zone '" + value.stringValue() + "'");
        }
    }

    private static Map<DayOfWeek, List<OpeningPeriod>> hours(JsonNode value) {
        Map<DayOfWeek, List<OpeningPeriod>> hours = new EnumMap<>(DayOfWeek.class);
        if (value == null || value.isNull()) {
            return hours;
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException("hours: must be an object from weekday (MONDAY ... SUNDAY) to periods");
        }
        for (String name : value.propertyNames()) {
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hours." + name + ": unknown weekday (MONDAY ... SUNDAY)");
            }
            if (hours.containsKey(day)) {
                throw new IllegalArgumentException("hours." + name + ": " + day + " is given twice");
            }
            hours.put(day, periods("hours." + name, value.get(name)));
        }
        return hours;
    }

    private static List<OpeningPeriod> periods(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException(field + ": must be a list of periods such as [\"08:00\",\"12:00\"]");
        }
        List<OpeningPeriod> periods = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String at = field + "[" + i + "]";
            JsonNode pair = value.get(i);
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isString() || !pair.get(1).isString()) {
                throw new IllegalArgumentException(at + ": must be a period such as [\"08:00\",\"12:00\"]");
            }
            String startText = pair.get(0).stringValue();
            String endText = pair.get(1).stringValue();
            int start = OpeningPeriod.parseTime(startText);
            int end = OpeningPeriod.parseTime(endText);
            if (start < 0) {
                throw new IllegalArgumentException(at + ": '" + startText + "' is not a time of day (00:00 to 24:00)");
            }
            if (end < 0) {
                throw new IllegalArgumentException(at + ": '" + endText + "' is not a time of day (00:00 to 24:00)");
            }
            if (start == OpeningPeriod.MIDNIGHT) {
                throw new IllegalArgumentException(at + ": a period cannot start at 24:00 (start the next day at 00:00)");
            }
            if (end <= start) {
                throw new IllegalArgumentException(at + ": " + startText + "–" + endText + " does not end after it starts");
            }
            OpeningPeriod period = new OpeningPeriod(start, end);
            for (OpeningPeriod earlier : periods) {
                if (earlier.overlaps(period)) {
                    throw new IllegalArgumentException(at + ": " + period + " overlaps " + earlier);
                }
            }
            periods.add(period);
        }
        return periods;
    }

    private static List<LocalDate> dates(JsonNode value) {
        List<LocalDate> dates = new ArrayList<>();
        if (value == null || value.isNull()) {
            return dates;
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException("holidays.dates: must be a list of dates such as \"2026-12-31\"");
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode date = value.get(i);
            String text = date.isString() ? date.stringValue() : date.toString();
            try {
                if (!date.isString()) {
                    throw new DateTimeParseException("not a string", text, 0);
                }
                dates.add(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("holidays.dates[" + i + "]: '" + text + "' is not a date (yyyy-MM-dd)");
            }
        }
        return dates;
    }

    private static Set<DutchHoliday> dutch(JsonNode value) {
        Set<DutchHoliday> dutch = EnumSet.noneOf(DutchHoliday.class);
        if (value == null || value.isNull()) {
            return dutch;
        }
        if (value.isString() && value.stringValue().equals("all")) {
            return EnumSet.allOf(DutchHoliday.class);
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException("holidays.dutch: must be \"all\" or a list of holiday names such as \"koningsdag\"");
        }
        for (JsonNode name : value) {
            String text = name.isString() ? name.stringValue() : name.toString();
            dutch.add(DutchHoliday.byKey(text).orElseThrow(
                    () -> new IllegalArgumentException("holidays.dutch: unknown holiday '" + text + "'")));
        }
        return dutch;
    }

    /** The JSON shape as maps and lists, for Jackson and the templates. */
    public Map<String, Object> toMap() {
        Map<String, Object> hoursOut = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (hours.containsKey(day)) {
                hoursOut.put(day.name(), hours.get(day).stream().map(p -> List.of(p.startText(), p.endText())).toList());
            }
        }
        Map<String, Object> holidays = new LinkedHashMap<>();
        holidays.put("dates", closedDates.stream().map(LocalDate::toString).toList());
        holidays.put("dutch", dutchHolidays.stream().map(DutchHoliday::key).toList());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("timeZone", timeZone.getId());
        out.put("hours", hoursOut);
        out.put("holidays", holidays);
        return out;
    }

    public String toJson() {
        return JSON.writeValueAsString(toMap());
    }
}
