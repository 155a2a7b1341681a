package org.webcare.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.channel.Channel;
import org.webcare.channel.Channels;
import org.webcare.channel.Delivery;
import org.webcare.intake.Post;
import org.webcare.intake.Posts;
import org.webcare.shared.ConflictException;
import org.webcare.shared.NotFoundException;

/**
 * Team leads' approval of held replies: the queue, approving (the reply is queued for delivery in the same
 * transaction, exactly once however many leads click), and returning a reply to its author with a comment; the author
 * resubmits or discards a returned reply. Every step is recorded in the case's history. Who may do what is the
 * caller's to check (approve and return: team leads; resubmit and discard: {@link Reply#editableBy}).
 */
@Service
public class ReplyApprovals {

    static final int MAX_COMMENT_LENGTH = 1_000;

    private final JdbcClient jdbc;
    private final Replies replies;
    private final Posts posts;
    private final Channels channels;
    private final CaseRepository cases;
    private final ApprovalHistory history;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReplyApprovals(JdbcClient jdbc, Replies replies, Posts posts, Channels channels, CaseRepository cases,
                   ApprovalHistory history, ApplicationEventPublisher events, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.replies = replies;
        this.posts = posts;
        this.channels = channels;
        this.cases = cases;
        this.history = history;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Replies awaiting approval, the longest waiting first. */
    public List<ApprovalRequest> queue(int limit) {
        List<Reply> waiting = replies.attachDeliveries(jdbc.sql("""
                        select * from reply where approval_state = 'AWAITING_APPROVAL'
                        order by approval_requested_at, id limit ?""")
                .param(limit).query(Replies::row).list());
        Map<Long, Post> answered = posts.all(waiting.stream().map(Reply::postId).distinct().toList()).stream()
                .collect(Collectors.toMap(Post::id, Function.identity()));
        return waiting.stream().map(reply -> request(reply, answered.get(reply.postId()))).toList();
    }

    /** One reply with its post and case, whatever its state. */
    public Optional<ApprovalRequest> request(long replyId) {
        return replies.find(replyId).map(reply -> request(reply, posts.find(reply.postId()).orElseThrow()));
    }

    private ApprovalRequest request(Reply reply, Post post) {
        Optional<Case> found = cases.caseOfPost(post.id()).flatMap(cases::find);
        String channel = channels.channel(post.channelId()).map(Channel::label).orElse("");
        return new ApprovalRequest(reply, post, found.map(Case::id).orElse(null),
                found.map(c -> c.priority().value()).orElse(null), channel);
    }

    /** How many replies wait for approval. */
    public long waiting() {
        return jdbc.sql("select count(*) from reply where approval_state = 'AWAITING_APPROVAL'").query(Long.class).single();
    }

    /**
     * Approves a held reply and queues it for delivery. The reply passes the send-time checks again, on the approver's
     * text when they edited it.
     *
     * @param editedText the approver's version of the text, or {@code null} to send it as written
     * @throws ConflictException when it no longer awaits approval (another team lead was first)
     */
    @Transactional
    public Reply approve(long replyId, String editedText, Actor approver) {
        Reply reply = held(replyId, ReplyState.AWAITING_APPROVAL, "awaiting approval");
        String text = editedText == null ? reply.text() : Replies.cleanText(editedText);
        Post post = posts.find(reply.postId()).orElseThrow();
        Channel channel = channels.channel(post.channelId()).orElseThrow();
        Instant now = clock.instant();
        replies.checkDraft(channel, post, text, reply.visibility(), now);
        Delivery delivery = replies.enqueue(post, text, reply.visibility(), reply.authorName(), now);
        // The state check makes this the only approval that counts: a second approver's UPDATE waits for the first to
        // commit, then finds nothing to change, and its transaction (with its outbound message) is rolled back.
        int approved = jdbc.sql("""
                        update reply set approval_state = 'APPROVED', text = :text, outbound_message_id = :message,
                               approval_decided_by_user_id = :by, approval_decided_by_name = :byName, approval_decided_at = :at
                        where id = :id and approval_state = 'AWAITING_APPROVAL'""")
                .param("text", text).param("message", delivery.messageId())
                .param("by", approver.userId(), java.sql.Types.BIGINT).param("byName", approver.name())
                .param("at", java.sql.Timestamp.from(now)).param("id", replyId).update();
        if (approved == 0) {
            throw notAwaiting(replyId, "awaiting approval");
        }
        history.approved(replyId, post.id(), approver, text.equals(reply.text()) ? null : "text edited by the approver", now);
        events.publishEvent(new ReplyQueued(replyId, post.id(), post.threadId()));
        events.publishEvent(new ReplyRecorded(replyId, post.id(), reply.authorUserId(), reply.authorName(), now));
        return replies.find(replyId).orElseThrow();
    }

    /** Sends a held reply back to its author with what to change; nothing is queued. */
    @Transactional
    public Reply returnToAuthor(long replyId, String comment, Actor approver) {
        String why = comment == null ? "" : comment.strip();
        if (why.isEmpty()) {
            throw new IllegalArgumentException("comment: say what the author should change");
        }
        if (why.length() > MAX_COMMENT_LENGTH) {
            throw new IllegalArgumentException("comment: is longer than " + MAX_COMMENT_LENGTH + " characters");
        }
        Reply reply = held(replyId, ReplyState.AWAITING_APPROVAL, "awaiting approval");
        Instant now = clock.instant();
        int returned = jdbc.sql("""
                        update reply set approval_state = 'RETURNED', approval_comment = :comment,
                               approval_decided_by_user_id = :by, approval_decided_by_name = :byName, approval_decided_at = :at
                        where id = :id and approval_state = 'AWAITING_APPROVAL'""")
                .param("comment", why).param("by", approver.userId(), java.sql.Types.BIGINT)
                .param("byName", approver.name()).param("at", java.sql.Timestamp.from(now)).param("id", replyId).update();
        if (returned == 0) {
            throw notAwaiting(replyId, "awaiting approval");
        }
        history.returned(replyId, reply.postId(), approver, why, now);
        return replies.find(replyId).orElseThrow();
    }

    /** The author's new version of a returned reply goes back to the approval queue, after the send-time checks. */
    @Transactional
    public Reply resubmit(long replyId, String text, Actor author) {
        Reply reply = held(replyId, ReplyState.RETURNED, "returned");
        String body = Replies.cleanText(text);
        Post post = posts.find(reply.postId()).orElseThrow();
        Instant now = clock.instant();
        replies.checkDraft(channels.channel(post.channelId()).orElseThrow(), post, body, reply.visibility(), now);
        int resubmitted = jdbc.sql("""
                        update reply set approval_state = 'AWAITING_APPROVAL', text = ?, approval_requested_at = ?
                        where id = ? and approval_state = 'RETURNED'""")
                .params(body, java.sql.Timestamp.from(now), replyId).update();
        if (resubmitted == 0) {
            throw notAwaiting(replyId, "returned");
        }
        history.requested(replyId, post.id(), author, "resubmitted after: " + reply.approval().comment(), now);
        return replies.find(replyId).orElseThrow();
    }

    /** Drops a returned reply: it is never sent and leaves the case's conversation (its history keeps the steps). */
    @Transactional
    public Reply discard(long replyId, Actor author) {
        Reply reply = held(replyId, ReplyState.RETURNED, "returned");
        int discarded = jdbc.sql("update reply set approval_state = 'DISCARDED' where id = ? and approval_state = 'RETURNED'")
                .param(replyId).update();
        if (discarded == 0) {
            throw notAwaiting(replyId, "returned");
        }
        history.discarded(replyId, reply.postId(), author, clock.instant());
        return replies.find(replyId).orElseThrow();
    }

    private Reply held(long replyId, ReplyState expected, String what) {
        Reply reply = replies.find(replyId).orElseThrow(() -> new NotFoundException("reply: no reply with id " + replyId));
        if (reply.state() != expected) {
            throw notAwaiting(reply, what);
        }
        return reply;
    }

    private ConflictException notAwaiting(long replyId, String what) {
        return notAwaiting(replies.find(replyId).orElseThrow(), what);
    }

    private static ConflictException notAwaiting(Reply reply, String what) {
        String now = switch (reply.state()) {
            case QUEUED -> reply.approval() != null && reply.approval().decidedBy() != null
                    ? "it was approved by " + reply.approval().decidedBy() : "it was sent";
            case RETURNED -> "it was returned by " + reply.approval().decidedBy();
            case AWAITING_APPROVAL -> "it awaits approval";
            case DISCARDED -> "it was discarded";
        };
        return new ConflictException("state: reply " + reply.id() + " is not " + what + ": " + now);
    }
}
