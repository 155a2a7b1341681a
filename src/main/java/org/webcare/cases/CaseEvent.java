package org.webcare.cases;

import java.time.Instant;

/**
 * One recorded change of a case: who ({@code actorId} null when Webcare did it), when, what and why.
 *
 * @param kind what changed: {@code created}, {@code status}, {@code reopened}, {@code priority}, {@code assigned},
 *             {@code merged}, {@code split}, {@code post-added}, {@code incident}, ...
 */
public record CaseEvent(long id, long caseId, Instant at, Long actorId, String actorName, String kind, String from,
                        String to, String reason) {
}
