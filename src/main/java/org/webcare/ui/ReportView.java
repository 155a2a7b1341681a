package org.webcare.ui;

import java.util.Locale;
import java.util.Map;

import org.webcare.reporting.DurationFigures;
import org.webcare.reporting.KpiFormat;
import org.webcare.reporting.KpiRow;

/** What the reports templates write and link: figures in the reader's notation and links that keep the filters. */
final class ReportView {

    private final ReportFilters filters;
    private final Locale locale;

    ReportView(ReportFilters filters, Locale locale) {
        this.filters = filters;
        this.locale = locale;
    }

    public String minutes(Double minutes) {
        return KpiFormat.minutes(minutes, locale);
    }

    public String median(DurationFigures figures) {
        return figures == null ? KpiFormat.NONE : minutes(figures.medianMinutes());
    }

    public String p90(DurationFigures figures) {
        return figures == null ? KpiFormat.NONE : minutes(figures.p90Minutes());
    }

    public String within(DurationFigures figures) {
        return figures == null ? KpiFormat.NONE : KpiFormat.percent(figures.withinTarget());
    }

    public String percent(Double share) {
        return KpiFormat.percent(share);
    }

    public long count(DurationFigures figures) {
        return figures == null ? 0 : figures.count();
    }

    /** Durations over target: the count less the share within, which the engine computed from whole cases. */
    public long late(DurationFigures figures) {
        return figures == null || figures.withinTarget() == null ? 0 : Math.round(figures.count() * (1 - figures.withinTarget()));
    }

    /** Cases opened in the period still without a reply: opened less those with a first response. */
    public long unanswered(KpiRow row) {
        return Math.max(0, row.casesOpened() - count(row.firstResponse()));
    }

    public long publicToPrivate(KpiRow row) {
        return row.publicToPrivateShare() == null ? 0 : Math.round(row.publicToPrivateShare() * row.casesOpened());
    }

    /** The drill-down of a figure with the page's filters. */
    public String cases(String figure) {
        return filters.cases(figure);
    }

    /**
     * The drill-down of a figure for one row of the KPI table (the total row keeps the page's filters), or null for a
     * row no filter can select: cases without a team or agent, replies from history by a name without a user.
     */
    public String cases(String figure, KpiRow row, boolean total) {
        if (total) {
            return filters.cases(figure);
        }
        return ReportFilters.selectable(row.dimension(), row.key())
                ? filters.narrowedTo(row.dimension(), row.key()).cases(figure) : null;
    }

    public String csv(String table) {
        return filters.url("/reports/" + table + ".csv");
    }

    public String casesCsv(String figure) {
        return filters.url("/reports/cases.csv", Map.of("figure", figure));
    }

    public String page() {
        return filters.url("/reports");
    }
}
