package org.webcare.ui;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.webcare.reporting.KpiFormat;
import org.webcare.reporting.KpiTrend;

/**
 * The reports page's charts as inline SVG bars computed on the server: one slot per day, one bar per series in a
 * slot, heights scaled to the highest value. Every bar has a title (the day, the value and what it counts) and every
 * chart an aria-label with its key figure, so the chart reads without seeing it.
 */
final class ReportCharts {

    static final int SLOT = 12;
    static final int HEIGHT = 100;

    private final MessageSource messages;
    private final Locale locale;
    private final DateTimeFormatter dayFormat;

    ReportCharts(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.dayFormat = DateTimeFormatter.ofPattern("EEE d MMM", locale);
    }

    /** One chart: an id for tests and styles, its heading, aria-label, the viewBox width, bars and the axis ends. */
    record Chart(String id, String heading, String label, int width, List<Bar> bars, String firstDay, String lastDay,
                 List<Legend> legend) {
    }

    record Bar(int x, int y, int width, int height, String cssClass, String title) {
    }

    record Legend(String cssClass, String text) {
    }

    /** A series: its message key ({@code reports.series.<key>} and {@code reports.bar.<key>}) and its values per day. */
    private record Series(String key, Function<KpiTrend.Day, Double> value, Function<Double, String> shown) {
    }

    List<Chart> all(KpiTrend trend, String firstResponseMedian, String slaCompliance, long backlogNow) {
        List<KpiTrend.Day> days = trend.days();
        long monitored = days.stream().mapToLong(KpiTrend.Day::monitored).sum();
        long addressed = days.stream().mapToLong(KpiTrend.Day::addressed).sum();
        long answered = days.stream().mapToLong(KpiTrend.Day::answered).sum();
        long negative = days.stream().mapToLong(KpiTrend.Day::negative).sum();
        long positive = days.stream().mapToLong(KpiTrend.Day::positive).sum();
        Function<Double, String> count = v -> Long.toString(v.longValue());
        return List.of(
                chart("chart-volume", "volume", new Object[]{monitored, addressed, answered}, days, List.of(
                        new Series("monitored", d -> (double) d.monitored(), count),
                        new Series("addressed", d -> (double) d.addressed(), count),
                        new Series("answered", d -> (double) d.answered(), count))),
                chart("chart-first-response", "firstResponse", new Object[]{firstResponseMedian}, days, List.of(
                        new Series("firstResponse", KpiTrend.Day::firstResponseMedianMinutes, v -> KpiFormat.minutes(v, locale)))),
                chart("chart-sla", "sla", new Object[]{slaCompliance}, days, List.of(
                        new Series("sla", KpiTrend.Day::slaCompliance, KpiFormat::percent))),
                chart("chart-sentiment", "sentiment", new Object[]{negative, positive}, days, List.of(
                        new Series("negative", d -> (double) d.negative(), count),
                        new Series("positive", d -> (double) d.positive(), count))),
                chart("chart-backlog", "backlog", new Object[]{backlogNow}, days, List.of(
                        new Series("backlog", d -> (double) d.backlog(), count))));
    }

    private Chart chart(String id, String key, Object[] labelArguments, List<KpiTrend.Day> days, List<Series> series) {
        double max = 0;
        for (KpiTrend.Day day : days) {
            for (Series s : series) {
                Double value = s.value().apply(day);
                max = value == null ? max : Math.max(max, value);
            }
        }
        int barWidth = (SLOT - 2) / series.size();
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            KpiTrend.Day day = days.get(i);
            for (int j = 0; j < series.size(); j++) {
                Series s = series.get(j);
                Double value = s.value().apply(day);
                // A day without a value (no first response, no SLA clock) has no bar, but keeps its title for readers.
                int height = value == null || max == 0 ? 0 : (int) Math.round(value * (HEIGHT - 4) / max);
                String shown = value == null ? null : s.shown().apply(value);
                bars.add(new Bar(i * SLOT + 1 + j * barWidth, HEIGHT - height, barWidth, height, "bar-" + s.key(),
                        value == null ? message("reports.bar.none", day(day)) : message("reports.bar." + s.key(), day(day), shown)));
            }
        }
        List<Legend> legend = series.size() < 2 ? List.of()
                : series.stream().map(s -> new Legend("bar-" + s.key(), message("reports.series." + s.key()))).toList();
        return new Chart(id, message("reports.chart." + key), message("reports.chart." + key + ".label", labelArguments),
                Math.max(SLOT, days.size() * SLOT), bars,
                days.isEmpty() ? "" : day(days.getFirst()), days.isEmpty() ? "" : day(days.getLast()), legend);
    }

    String day(KpiTrend.Day day) {
        return dayFormat.format(day.date());
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
