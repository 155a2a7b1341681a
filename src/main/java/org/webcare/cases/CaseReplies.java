package org.webcare.cases;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.intake.Post;
import org.webcare.shared.ConflictException;
import org.webcare.shared.NotFoundException;
import org.webcare.shared.Visibility;

/**
 * An agent's reply in a case: to the customer's newest post unless another is named, refused (409) when a colleague
 * replied after the agent opened the case unless they confirm, and optionally moving the case on (pending customer,
 * resolved) in the same transaction as the reply.
 */
@Service
public class CaseReplies {

    private final Cases cases;
    private final Replies replies;

    CaseReplies(Cases cases, Replies replies) {
        this.cases = cases;
        this.replies = replies;
    }

    /**
     * What an agent asks to send.
     *
     * @param postId the post answered, or {@code null} for the customer's newest
     * @param statusAfter where the case goes after sending, or {@code null} to leave it
     * @param openedAt when the agent opened the case (what they had seen), or {@code null} to skip the collision check
     * @param confirmed the agent saw the colleague's reply and sends anyway
     */
    public record Request(Long postId, String text, Visibility visibility, CaseStatus statusAfter, Instant openedAt,
                          boolean confirmed) {
    }

    @Transactional
    public Reply send(long caseId, Request request, Actor agent) {
        CaseView view = cases.view(caseId).orElseThrow(() -> new NotFoundException("case: no case with id " + caseId));
        long postId = request.postId() != null ? request.postId() : view.latestPost().id();
        Post post = view.posts().stream().filter(p -> p.id() == postId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("postId: post " + postId + " is not in case #" + caseId));
        // Checked before sending: a reply must not go out when the status change asked for cannot follow.
        CaseStatus current = view.details().status();
        CaseStatus afterReply = current == CaseStatus.NEW ? CaseStatus.OPEN : current;
        if (request.statusAfter() != null && request.statusAfter() != afterReply && !afterReply.canMoveTo(request.statusAfter())) {
            throw new IllegalArgumentException("status: a " + afterReply.json() + " case cannot become " + request.statusAfter().json());
        }
        if (request.openedAt() != null && !request.confirmed()) {
            colleagueReplySince(view, request.openedAt(), agent).ifPresent(reply -> {
                throw new ConflictException("confirm: " + reply.authorName() + " replied at " + reply.createdAt()
                        + ", after you opened this case; send anyway?");
            });
        }
        Reply reply = replies.send(post.id(), request.text(), request.visibility(), agent.userId(), agent.name());
        // A reply held for approval was not sent: the case keeps its status until it is approved.
        if (request.statusAfter() != null && !reply.awaitsApproval()) {
            cases.changeStatus(caseId, request.statusAfter(), agent, null);
        }
        return reply;
    }

    /** The newest reply by someone else made after {@code since}, if any. */
    static Optional<Reply> colleagueReplySince(CaseView view, Instant since, Actor agent) {
        return view.replies().stream()
                .filter(r -> r.createdAt().isAfter(since))
                .filter(r -> r.authorUserId() == null || !r.authorUserId().equals(agent.userId()))
                .max(Comparator.comparing(Reply::createdAt));
    }
}
