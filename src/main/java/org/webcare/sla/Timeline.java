package org.webcare.sla;

import java.time.Instant;
import java.util.List;

import org.webcare.cases.CaseStatus;

/**
 * What happened in a case, as far as its clocks care: when it opened, when the customer wrote, when the team replied,
 * and its status changes, each list in time order.
 */
record Timeline(Instant openedAt, List<Instant> customerPosts, List<Instant> replies, List<StatusChange> changes) {

    record StatusChange(Instant at, CaseStatus from, CaseStatus to) {
    }
}
