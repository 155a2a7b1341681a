package org.webcare.sla;

import java.time.Instant;

/** Published once per clock when 80 % of its target has passed and it still runs. */
public record SlaWarning(long clockId, long caseId, ClockKind kind, Instant dueAt, Instant at) {
}
