package org.webcare.cases;

import java.util.Set;

/**
 * Which cases a list shows; {@code null} fields do not filter. Lists are ordered by priority, then by how long the
 * customer has waited.
 *
 * @param statuses the statuses shown; {@code null} shows all
 * @param unassigned only cases nobody owns (waiting in their queue)
 * @param maxPriority only cases of this priority or more urgent (1 is the most urgent)
 */
public record CaseFilter(Set<CaseStatus> statuses, Long brandId, Long assigneeId, boolean unassigned, Integer maxPriority,
                         String customerHandle, int limit) {

    public CaseFilter {
        statuses = statuses == null ? null : Set.copyOf(statuses);
        limit = limit <= 0 ? 50 : Math.min(limit, 500);
    }

    /** The active cases (new, open, pending). */
    public static CaseFilter active(int limit) {
        return new CaseFilter(java.util.EnumSet.of(CaseStatus.NEW, CaseStatus.OPEN, CaseStatus.PENDING_CUSTOMER,
                CaseStatus.PENDING_INTERNAL), null, null, false, null, null, limit);
    }
}
