package org.webcare.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.webcare.reporting.KpiDimension;
import org.webcare.reporting.KpiQuery;

/** The reports page's filters: periods as whole local days, links that keep them, and wrong values named. */
class ReportFiltersTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 9);
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void periodsAreWholeLocalDaysUpToAndIncludingToday() {
        ReportFilters week = parse(null, null, null);
        assertThat(week.from()).isEqualTo(LocalDate.of(2026, 12, 3));
        KpiQuery query = week.query(AMSTERDAM);
        assertThat(query.from()).hasToString("2026-12-02T23:00:00Z");
        assertThat(query.to()).hasToString("2026-12-09T23:00:00Z");
        assertThat(parse("90d", null, null).from()).isEqualTo(LocalDate.of(2026, 9, 11));
        assertThat(parse("month", null, null).from()).isEqualTo(LocalDate.of(2026, 12, 1));
        ReportFilters custom = parse("custom", "2026-03-28", "2026-03-29");
        // The night the clocks go forward: the period still ends at local midnight.
        assertThat(custom.query(AMSTERDAM).to()).hasToString("2026-03-29T22:00:00Z");
    }

    @Test
    void wrongValuesAreNamedWithTheirField() {
        assertThatThrownBy(() -> parse("weekly", null, null)).hasMessage("period: must be 7d, 30d, 90d, month or custom, got 'weekly'");
        assertThatThrownBy(() -> parse("custom", "2026-12-01", null)).hasMessage("to: give a date like 2026-01-31 for a custom period");
        assertThatThrownBy(() -> parse("custom", "1-12-2026", "2026-12-02")).hasMessage("from: give a date like 2026-01-31, got '1-12-2026'");
        assertThatThrownBy(() -> parse("custom", "2026-12-02", "2026-12-01")).hasMessage("to: must not lie before from (2026-12-02), got 2026-12-01");
        assertThatThrownBy(() -> parse("custom", "2025-01-01", "2026-12-01")).hasMessageStartingWith("to: a period is at most 366 days");
        assertThatThrownBy(() -> ReportFilters.parse(new ReportFilters.Params("drie", null, null, null, null, null, null, null), TODAY))
                .hasMessage("brand: must be a number, got 'drie'");
        assertThatThrownBy(() -> ReportFilters.parse(new ReportFilters.Params(null, null, null, null, null, null, null, "queue"), TODAY))
                .hasMessage("per: must be brand, channel, team or agent, got 'queue'");
    }

    @Test
    void linksKeepTheFiltersAndARowNarrowsThem() {
        ReportFilters filters = ReportFilters.parse(new ReportFilters.Params("3", null, "Billing & Co", null, "custom",
                "2026-11-01", "2026-11-30", "team"), TODAY);
        assertThat(filters.url("/reports")).isEqualTo("/reports?brand=3&team=Billing+%26+Co&period=custom&from=2026-11-01&to=2026-11-30&per=team");
        assertThat(filters.narrowedTo(KpiDimension.TEAM, "Social").cases("RESOLVED"))
                .isEqualTo("/reports/cases?figure=RESOLVED&brand=3&team=Social&period=custom&from=2026-11-01&to=2026-11-30&per=team");
        assertThat(parse("30d", "2026-01-01", "2026-01-02").url("/reports")).as("dates only for a custom period")
                .isEqualTo("/reports?period=30d&per=brand");
    }

    private static ReportFilters parse(String period, String from, String to) {
        return ReportFilters.parse(new ReportFilters.Params(null, null, null, null, period, from, to, null), TODAY);
    }
}
