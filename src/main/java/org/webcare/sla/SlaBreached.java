package org.webcare.sla;

import java.time.Instant;

/** Published once per clock when it passed its due time without being stopped (or stopped too late). */
public record SlaBreached(long clockId, long caseId, ClockKind kind, Instant dueAt, Instant at) {
}
