package org.webcare.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * Day by day (local dates in the Webcare time zone) over a KPI query's period: for charts.
 * backlog = cases not resolved or closed at the end of that day; slaCompliance = share of SLA clocks that stopped
 * that day and were met (null when none stopped).
 */
public record KpiTrend(List<Day> days) {

    public record Day(LocalDate date, long monitored, long addressed, long answered, long negative, long positive,
                      long casesOpened, long casesResolved, long backlog, Double firstResponseMedianMinutes,
                      Double slaCompliance) {
    }
}
