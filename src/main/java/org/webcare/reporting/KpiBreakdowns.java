package org.webcare.reporting;

import java.util.List;

/**
 * The rest of a KPI query's figures: consult waiting (minutes from question to answer, consults asked in the
 * period), top intents and top topics (terms) of the addressed posts, with counts.
 */
public record KpiBreakdowns(DurationFigures consultWaiting, List<Count> intents, List<Count> topics) {

    public record Count(String name, long count) {
    }
}
