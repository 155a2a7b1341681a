package org.webcare.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * One brand's figures of a complete week (Monday to Sunday) beside the week before, as the weekly mail shows them.
 *
 * @param slaCompliance share of the SLA clocks that stopped in the week and were met, null when none stopped
 */
record WeeklyReport(long brandId, String brandName, LocalDate weekStart, KpiRow week, KpiRow previous,
                    Double slaCompliance, Double previousSlaCompliance, String dashboardUrl) {

    LocalDate weekEnd() {
        return weekStart.plusDays(6);
    }

    int weekNumber() {
        return weekStart.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    /** The figures in the order the mail lists them, written for the reader's language. */
    List<Line> lines(Locale locale) {
        return List.of(
                new Line("monitored", Long.toString(week.monitored()), Long.toString(previous.monitored())),
                new Line("addressed", Long.toString(week.addressed()), Long.toString(previous.addressed())),
                new Line("answered", Long.toString(week.answered()), Long.toString(previous.answered())),
                new Line("answerRate", KpiFormat.percent(week.answerRate()), KpiFormat.percent(previous.answerRate())),
                new Line("firstResponseMedian", minutes(week.firstResponse(), locale), minutes(previous.firstResponse(), locale)),
                new Line("firstResponseWithin", within(week.firstResponse()), within(previous.firstResponse())),
                new Line("resolutionMedian", minutes(week.resolution(), locale), minutes(previous.resolution(), locale)),
                new Line("resolutionWithin", within(week.resolution()), within(previous.resolution())),
                new Line("casesOpened", Long.toString(week.casesOpened()), Long.toString(previous.casesOpened())),
                new Line("casesResolved", Long.toString(week.casesResolved()), Long.toString(previous.casesResolved())),
                new Line("slaCompliance", KpiFormat.percent(slaCompliance), KpiFormat.percent(previousSlaCompliance)),
                new Line("negativeShare", KpiFormat.percent(week.negativeShare()), KpiFormat.percent(previous.negativeShare())));
    }

    private static String minutes(DurationFigures figures, Locale locale) {
        return figures == null ? KpiFormat.NONE : KpiFormat.minutes(figures.medianMinutes(), locale);
    }

    private static String within(DurationFigures figures) {
        return figures == null ? KpiFormat.NONE : KpiFormat.percent(figures.withinTarget());
    }

    /** One figure: its message key suffix ({@code reports.mail.figure.<key>}), this week and the week before. */
    record Line(String key, String value, String previous) {
    }
}
