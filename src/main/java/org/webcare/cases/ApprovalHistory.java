package org.webcare.cases;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes a reply's way through approval into the history of its case ({@code approval-requested}, {@code approved},
 * {@code returned}, {@code discarded}, each naming the reply), in the caller's transaction. Replies to posts that are
 * in no case have no history to write to.
 */
@Component
class ApprovalHistory {

    private final CaseRepository repository;
    private final ApplicationEventPublisher events;

    ApprovalHistory(CaseRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    void requested(long replyId, long postId, Actor author, String reason, Instant at) {
        record(replyId, postId, author, "approval-requested", reason, at);
    }

    void approved(long replyId, long postId, Actor approver, String reason, Instant at) {
        record(replyId, postId, approver, "approved", reason, at);
    }

    void returned(long replyId, long postId, Actor approver, String comment, Instant at) {
        record(replyId, postId, approver, "returned", comment, at);
    }

    void discarded(long replyId, long postId, Actor author, Instant at) {
        record(replyId, postId, author, "discarded", null, at);
    }

    private void record(long replyId, long postId, Actor actor, String kind, String reason, Instant at) {
        repository.caseOfPost(postId).ifPresent(caseId -> {
            repository.event(caseId, actor.userId(), actor.name(), kind, null, String.valueOf(replyId), reason, at);
            events.publishEvent(new CaseUpdated(caseId));
        });
    }
}
