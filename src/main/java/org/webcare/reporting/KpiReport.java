package org.webcare.reporting;

import java.util.List;

/** A KPI report: one row per brand, channel, team or agent, and the total over all of them. */
public record KpiReport(KpiQuery query, KpiDimension dimension, List<KpiRow> rows, KpiRow total) {
}
