package org.webcare.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.webcare.reporting.KpiDimension;
import org.webcare.reporting.KpiQuery;

/**
 * The reports page's filters as they stand in the URL (so a view can be bookmarked and shared): brand, channel, team,
 * agent, a period and what the rows are per. Dates are local dates in webcare.time-zone; a period runs from the first
 * day's midnight to the midnight after its last day.
 */
record ReportFilters(Long brand, Long channel, String team, Long agent, Period period, LocalDate from, LocalDate to,
                     KpiDimension per) {

    /** Custom periods longer than this are refused: a year is what a team compares, more only makes the page slow. */
    static final int MAX_DAYS = 366;

    /** The request parameters as typed; parsed by {@link #parse}, so a wrong one gets a message naming it. */
    record Params(String brand, String channel, String team, String agent, String period, String from, String to,
                  String per) {

        static Params none() {
            return new Params(null, null, null, null, null, null, null, null);
        }
    }

    enum Period {
        LAST_7_DAYS("7d", 7), LAST_30_DAYS("30d", 30), LAST_90_DAYS("90d", 90), THIS_MONTH("month", 0), CUSTOM("custom", 0);

        final String id;
        final int days;

        Period(String id, int days) {
            this.id = id;
            this.days = days;
        }

        public String id() {
            return id;
        }
    }

    static ReportFilters defaults(LocalDate today) {
        return new ReportFilters(null, null, null, null, Period.LAST_7_DAYS, today.minusDays(6), today, KpiDimension.BRAND);
    }

    /** @throws IllegalArgumentException naming the parameter and the value that is wrong */
    static ReportFilters parse(Params params, LocalDate today) {
        Long brand = id("brand", params.brand());
        Long channel = id("channel", params.channel());
        Long agent = id("agent", params.agent());
        String team = params.team() == null || params.team().isBlank() ? null : params.team().strip();
        KpiDimension per = KpiDimension.BRAND;
        if (params.per() != null && !params.per().isBlank()) {
            try {
                per = KpiDimension.valueOf(params.per().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("per: must be brand, channel, team or agent, got '" + params.per() + "'");
            }
        }
        Period period = Period.LAST_7_DAYS;
        if (params.period() != null && !params.period().isBlank()) {
            String id = params.period().strip().toLowerCase(Locale.ROOT);
            period = java.util.Arrays.stream(Period.values()).filter(p -> p.id.equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "period: must be 7d, 30d, 90d, month or custom, got '" + params.period() + "'"));
        }
        LocalDate from;
        LocalDate to;
        switch (period) {
            case CUSTOM -> {
                from = date("from", params.from());
                to = date("to", params.to());
                if (to.isBefore(from)) {
                    throw new IllegalArgumentException("to: must not lie before from (" + from + "), got " + to);
                }
                if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                    throw new IllegalArgumentException("to: a period is at most " + MAX_DAYS + " days, got "
                            + (ChronoUnit.DAYS.between(from, to) + 1));
                }
            }
            case THIS_MONTH -> {
                from = today.withDayOfMonth(1);
                to = today;
            }
            default -> {
                from = today.minusDays(period.days - 1L);
                to = today;
            }
        }
        return new ReportFilters(brand, channel, team, agent, period, from, to, per);
    }

    KpiQuery query(ZoneId zone) {
        return new KpiQuery(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(),
                brand, channel, team, agent);
    }

    /** These filters as URL parameters, in a fixed order; custom dates only for a custom period. */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (brand != null) {
            parameters.put("brand", brand.toString());
        }
        if (channel != null) {
            parameters.put("channel", channel.toString());
        }
        if (team != null) {
            parameters.put("team", team);
        }
        if (agent != null) {
            parameters.put("agent", agent.toString());
        }
        parameters.put("period", period.id);
        if (period == Period.CUSTOM) {
            parameters.put("from", from.toString());
            parameters.put("to", to.toString());
        }
        parameters.put("per", per.name().toLowerCase(Locale.ROOT));
        return parameters;
    }

    /** Whether a row's key can be set as a filter: an id for brands, channels and agents, a name for teams. */
    static boolean selectable(KpiDimension dimension, String key) {
        if (key == null || key.isBlank()) {
            return false;
        }
        return dimension == KpiDimension.TEAM || key.chars().allMatch(Character::isDigit) && key.length() < 19;
    }

    /** The filters narrowed to one row of a report: its brand, channel, team or agent. */
    ReportFilters narrowedTo(KpiDimension dimension, String key) {
        return switch (dimension) {
            case BRAND -> new ReportFilters(Long.valueOf(key), channel, team, agent, period, from, to, per);
            case CHANNEL -> new ReportFilters(brand, Long.valueOf(key), team, agent, period, from, to, per);
            case TEAM -> new ReportFilters(brand, channel, key, agent, period, from, to, per);
            case AGENT -> new ReportFilters(brand, channel, team, Long.valueOf(key), period, from, to, per);
        };
    }

    String url(String path) {
        return url(path, Map.of());
    }

    /** A path with these filters and the extra parameters (which come first), URL-encoded. */
    String url(String path, Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(extra);
        all.putAll(parameters());
        return path + "?" + all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The link to the cases behind a figure, with these filters. */
    String cases(String figure) {
        return url("/reports/cases", Map.of("figure", figure));
    }

    String periodId() {
        return period.id;
    }

    private static Long id(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": must be a number, got '" + value + "'");
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": give a date like 2026-01-31 for a custom period");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": give a date like 2026-01-31, got '" + value + "'");
        }
    }
}
