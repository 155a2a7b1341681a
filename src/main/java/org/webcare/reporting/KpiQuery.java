package org.webcare.reporting;

import java.time.Instant;

/**
 * What a KPI report covers: posts and cases of the period [from, to), optionally narrowed to one brand, channel,
 * team (a routing queue's team, or the queue's name when it has none) or agent. Null narrows nothing.
 */
public record KpiQuery(Instant from, Instant to, Long brandId, Long channelId, String team, Long agentUserId) {

    public KpiQuery {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("period: from must lie before to, got " + from + " to " + to);
        }
    }
}
