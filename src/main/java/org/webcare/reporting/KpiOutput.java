package org.webcare.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.webcare.shared.CsvExport;

/**
 * A KPI report as JSON (ordered maps) and CSV, the same for the command line and the REST API. Minutes are rounded to
 * one decimal and shares to three, half up, only here: the figures themselves keep full precision.
 */
public final class KpiOutput {

    private KpiOutput() {
    }

    /** {@code {"brands":[{"brand":..,"monitored":..,...}]}}, the array named after what the rows are per. */
    public static Map<String, Object> json(KpiReport report) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (KpiRow row : report.rows()) {
            rows.add(row(report.dimension(), row));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(plural(report.dimension()), rows);
        return json;
    }

    public static Map<String, Object> row(KpiDimension dimension, KpiRow row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(singular(dimension), row.label());
        json.put("monitored", row.monitored());
        json.put("answered", row.answered());
        json.put("answerRate", share(row.answerRate()));
        json.put("replyTime", durations(row.replyTime(), false));
        json.put("firstResponse", durations(row.firstResponse(), true));
        json.put("resolution", durations(row.resolution(), true));
        json.put("id", row.key());
        json.put("addressed", row.addressed());
        json.put("overheard", row.overheard());
        json.put("firstResponseWorking", row.firstResponseWorking() == null ? null : durations(row.firstResponseWorking(), true));
        json.put("resolutionWorking", row.resolutionWorking() == null ? null : durations(row.resolutionWorking(), true));
        json.put("casesOpened", row.casesOpened());
        json.put("casesResolved", row.casesResolved());
        json.put("publicToPrivateShare", share(row.publicToPrivateShare()));
        json.put("negativeShare", share(row.negativeShare()));
        return json;
    }

    public static Map<String, Object> durations(DurationFigures figures, boolean withTarget) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", figures.count());
        json.put("medianMinutes", minutes(figures.medianMinutes()));
        json.put("p90Minutes", minutes(figures.p90Minutes()));
        if (withTarget) {
            json.put("withinTarget", share(figures.withinTarget()));
        }
        return json;
    }

    /** A header row and one row per brand (channel, team, agent), the same figures flattened. */
    public static String csv(KpiReport report) {
        List<String> header = new ArrayList<>(List.of(singular(report.dimension()), "id", "monitored", "addressed", "overheard",
                "answered", "answerRate"));
        for (String figure : List.of("replyTime", "firstResponse", "firstResponseWorking", "resolution", "resolutionWorking")) {
            header.addAll(List.of(figure + "Count", figure + "MedianMinutes", figure + "P90Minutes"));
            if (!figure.equals("replyTime")) {
                header.add(figure + "WithinTarget");
            }
        }
        header.addAll(List.of("casesOpened", "casesResolved", "publicToPrivateShare", "negativeShare"));
        List<List<?>> rows = new ArrayList<>();
        for (KpiRow row : report.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.label(), row.key(), n(row.monitored()), n(row.addressed()),
                    n(row.overheard()), n(row.answered()), n(share(row.answerRate()))));
            cells.addAll(flat(row.replyTime(), false));
            cells.addAll(flat(row.firstResponse(), true));
            cells.addAll(flat(row.firstResponseWorking(), true));
            cells.addAll(flat(row.resolution(), true));
            cells.addAll(flat(row.resolutionWorking(), true));
            cells.addAll(List.of(n(row.casesOpened()), n(row.casesResolved()), n(share(row.publicToPrivateShare())),
                    n(share(row.negativeShare()))));
            rows.add(cells);
        }
        return CsvExport.table(header, rows);
    }

    private static List<String> flat(DurationFigures figures, boolean withTarget) {
        List<String> cells = new ArrayList<>();
        cells.add(figures == null ? "" : n(figures.count()));
        cells.add(figures == null ? "" : n(minutes(figures.medianMinutes())));
        cells.add(figures == null ? "" : n(minutes(figures.p90Minutes())));
        if (withTarget) {
            cells.add(figures == null ? "" : n(share(figures.withinTarget())));
        }
        return cells;
    }

    public static Double minutes(Double minutes) {
        return round(minutes, 1);
    }

    public static Double share(Double share) {
        return round(share, 3);
    }

    private static Double round(Double value, int decimals) {
        return value == null || value.isNaN() || value.isInfinite() ? null
                : BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    private static String n(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    public static String singular(KpiDimension dimension) {
        return dimension.name().toLowerCase(Locale.ROOT);
    }

    public static String plural(KpiDimension dimension) {
        return singular(dimension) + "s";
    }
}
