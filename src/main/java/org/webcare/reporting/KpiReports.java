package org.webcare.reporting;

import java.util.List;

import org.springframework.stereotype.Service;

/** The KPI figures of a period: per brand, channel, team or agent, day by day, SLA compliance and breakdowns. */
@Service
public class KpiReports {

    public KpiReport report(KpiQuery query, KpiDimension by) {
        throw new UnsupportedOperationException("not yet");
    }

    public KpiTrend trend(KpiQuery query) {
        throw new UnsupportedOperationException("not yet");
    }

    public List<SlaCompliance> slaCompliance(KpiQuery query) {
        throw new UnsupportedOperationException("not yet");
    }

    public KpiBreakdowns breakdowns(KpiQuery query) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Ids of the cases behind a figure, newest first, at most limit. */
    public List<Long> cases(KpiQuery query, KpiFigure figure, int limit) {
        throw new UnsupportedOperationException("not yet");
    }
}
