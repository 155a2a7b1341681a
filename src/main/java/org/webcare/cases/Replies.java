package org.webcare.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.channel.Channel;
import org.webcare.channel.Channels;
import org.webcare.channel.ConnectorChannels;
import org.webcare.channel.ReplyRules;
import org.webcare.channel.Delivery;
import org.webcare.channel.Outbox;
import org.webcare.intake.Post;
import org.webcare.intake.Posts;
import org.webcare.links.LinkOrigin;
import org.webcare.links.TrackedLinks;
import org.webcare.shared.Visibility;

/**
 * Agents' replies. A reply and its outbound message are recorded in one transaction, so a reply the agent saw
 * accepted is always delivered, and a failed transaction sends nothing. A reply an approval policy holds gets its
 * outbound message only when a team lead approves it ({@link ReplyApprovals}).
 */
@Service
public class Replies {

    static final int MAX_TEXT_LENGTH = 10_000;

    private final JdbcClient jdbc;
    private final Posts posts;
    private final Channels channels;
    private final Outbox outbox;
    private final ConnectorChannels connectorChannels;
    private final ApplicationEventPublisher events;
    private final ReplyStyles styles;
    private final ApprovalPolicies policies;
    private final ApprovalHistory history;
    private final TrackedLinks links;
    private final ReplyTemplates templates;

    Replies(JdbcClient jdbc, Posts posts, Channels channels, Outbox outbox, ConnectorChannels connectorChannels,
            ApplicationEventPublisher events, ReplyStyles styles, ApprovalPolicies policies, ApprovalHistory history,
            TrackedLinks links, ReplyTemplates templates) {
        this.links = links;
        this.templates = templates;
        this.styles = styles;
        this.policies = policies;
        this.history = history;
        this.connectorChannels = connectorChannels;
        this.jdbc = jdbc;
        this.posts = posts;
        this.channels = channels;
        this.outbox = outbox;
        this.events = events;
    }

    /**
     * Records a reply to a post and queues it for delivery through the post's channel. A public reply with personal
     * data in it (see {@link ReplyCheck}) is refused; tone and style findings are the agent's to weigh and do not stop it.
     * When an approval policy holds the reply (see {@link ApprovalPolicies}) it is recorded as
     * {@link ReplyState#AWAITING_APPROVAL} and nothing is queued until a team lead approves it ({@link ReplyApprovals}).
     *
     * @param authorUserId the agent's user id, or {@code null} for replies imported from history
     */
    @Transactional
    public Reply send(long postId, String text, Visibility visibility, Long authorUserId, String authorName) {
        Instant now = Instant.now();
        Accepted accepted = accept(postId, text, visibility, now);
        Post post = accepted.post();
        String body = accepted.body();
        Visibility chosen = accepted.visibility();
        Optional<ApprovalPolicy> held = policies.holding(post, chosen, authorUserId);
        if (held.isPresent()) {
            long id = insertHeld(postId, authorUserId, authorName, body, chosen, held.get().describe(), now);
            history.requested(id, postId, new Actor(authorUserId, authorName), held.get().describe(), now);
            return find(id).orElseThrow();
        }
        Delivery delivery = outbox.enqueue(accepted.channel().id(), payload(post, tracked(accepted.channel(), body), chosen, authorName, now));
        long id = insert(postId, authorUserId, authorName, body, chosen, delivery.messageId(), now);
        events.publishEvent(new ReplyQueued(id, postId, post.threadId()));
        events.publishEvent(new ReplyRecorded(id, postId, authorUserId, authorName, now));
        return new Reply(id, postId, authorName, body, chosen, now, delivery, authorUserId, ReplyState.QUEUED, null);
    }

    /**
     * Sends an automatic reply in the brand's name (the promise outside opening hours): the same checks and the same
     * outbox, but it is not the team's answer, so it neither waits for approval nor counts as the case's first
     * response ({@link ReplyRecorded} is not published).
     */
    @Transactional
    public Reply sendAutomatic(long postId, String text, Visibility visibility, String senderName) {
        Instant now = Instant.now();
        Accepted accepted = accept(postId, text, visibility, now);
        Post post = accepted.post();
        Delivery delivery = outbox.enqueue(accepted.channel().id(),
                payload(post, tracked(accepted.channel(), accepted.body()), accepted.visibility(), senderName, now));
        long id = insert(postId, null, senderName, accepted.body(), accepted.visibility(), delivery.messageId(), now);
        events.publishEvent(new ReplyQueued(id, postId, post.threadId()));
        return new Reply(id, postId, senderName, accepted.body(), accepted.visibility(), now, delivery, null, ReplyState.QUEUED, null);
    }

    /**
     * Why {@link #send} would refuse this reply now ("field: reason"), or empty when it would take it. Records nothing:
     * for showing who a bulk reply would reach before it is sent.
     */
    public Optional<String> refusal(long postId, String text, Visibility visibility) {
        try {
            accept(postId, text, visibility, Instant.now());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Every check a reply must pass before it is recorded; throws "field: reason" for the first it fails. */
    private Accepted accept(long postId, String text, Visibility visibility, Instant now) {
        Post post = posts.find(postId).orElseThrow(() -> new IllegalArgumentException("postId: no post with id " + postId));
        Channel channel = channels.channel(post.channelId()).orElseThrow();
        String body = cleanText(text);
        Visibility chosen = visibility == null ? Visibility.PUBLIC : visibility;
        checkDraft(channel, post, body, chosen, now);
        return new Accepted(post, channel, body, chosen);
    }

    private record Accepted(Post post, Channel channel, String body, Visibility visibility) {
    }

    /** A reply's text stripped; refused when empty or too long. */
    static String cleanText(String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new IllegalArgumentException("text: a reply needs text");
        }
        if (body.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("text: is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        return body;
    }

    /**
     * The checks a reply passes before it may be queued: the channel's and platform's rules and, for a public reply,
     * no personal data. Run when an agent submits a reply and again when a team lead approves it, since the approver's
     * edit can add personal data and the platform's reply window may have closed meanwhile.
     */
    void checkDraft(Channel channel, Post post, String body, Visibility chosen, Instant now) {
        if (chosen == Visibility.PRIVATE && !channel.allowsPrivate()) {
            throw new IllegalArgumentException("visibility: " + channel.label() + " does not allow private replies");
        }
        checkPlatformRules(channel, post, body, chosen, now);
        if (chosen == Visibility.PUBLIC) {
            List<ReplyCheck.Finding> personal = styles.of(channel.brandId()).check().personalData(body);
            if (!personal.isEmpty()) {
                throw new IllegalArgumentException("text: " + personal.getFirst().message()
                        + (personal.size() > 1 ? " (and " + (personal.size() - 1) + " more personal data)" : ""));
            }
        }
    }

    /** Hands a reply that was held to the outbox; the caller holds the transaction that marked it approved. */
    Delivery enqueue(Post post, String text, Visibility visibility, String authorName, Instant at) {
        Channel channel = channels.channel(post.channelId()).orElseThrow();
        return outbox.enqueue(post.channelId(), payload(post, tracked(channel, text), visibility, authorName, at));
    }

    /**
     * The text as it goes out: links rewritten to tracked short links. The reply keeps the links the agent wrote, so
     * the conversation reads as written; only the delivered message carries the short links.
     */
    private String tracked(Channel channel, String text) {
        if (TrackedLinks.linksIn(text).isEmpty()) {
            return text;
        }
        List<LinkOrigin.SourceTemplate> sources = templates.list(channel.brandId()).stream()
                .map(t -> new LinkOrigin.SourceTemplate(t.id(), t.name(), t.text())).toList();
        return links.track(text, new LinkOrigin(channel.brandId(), channel.id(), sources));
    }

    /**
     * What the platform allows: some have no public replies (e-mail), some only allow replies within a window after
     * the customer's last message (WhatsApp's 24 hours). Refused here, so the agent hears it at once, not after a
     * failed delivery.
     */
    private void checkPlatformRules(Channel channel, Post post, String text, Visibility chosen, Instant now) {
        ReplyRules rules = connectorChannels.replyRules(channel.id()).orElse(null);
        if (rules == null) {
            return;
        }
        if (chosen == Visibility.PUBLIC && !rules.publicAllowed()) {
            throw new IllegalArgumentException("visibility: " + channel.label() + " has no public replies; reply privately");
        }
        if (chosen == Visibility.PRIVATE && !rules.privateAllowed()) {
            throw new IllegalArgumentException("visibility: " + channel.label() + " does not allow private replies");
        }
        if (rules.maxLength() > 0 && text.codePointCount(0, text.length()) > rules.maxLength()) {
            throw new IllegalArgumentException("text: " + channel.label() + " takes replies of at most " + rules.maxLength()
                    + " characters; this one has " + text.codePointCount(0, text.length()));
        }
        if (rules.replyWindow() != null) {
            Instant lastFromCustomer = posts.thread(post.threadId()).stream().map(Post::createdAt).max(Instant::compareTo)
                    .orElse(post.createdAt());
            Instant closed = lastFromCustomer.plus(rules.replyWindow());
            if (now.isAfter(closed)) {
                throw new IllegalArgumentException("text: the platform takes replies until " + rules.replyWindow().toHours()
                        + " hours after the customer's last message; that window closed at " + closed);
            }
        }
    }

    /** Records a reply that was already delivered outside Webcare (history, demo data). */
    @Transactional
    public Reply recordDelivered(long postId, String text, Visibility visibility, String authorName, Instant sentAt) {
        Post post = posts.find(postId).orElseThrow(() -> new IllegalArgumentException("postId: no post with id " + postId));
        Delivery delivery = outbox.recordDelivered(post.channelId(), payload(post, text, visibility, authorName, sentAt), sentAt);
        long id = insert(postId, null, authorName, text, visibility, delivery.messageId(), sentAt);
        events.publishEvent(new ReplyRecorded(id, postId, null, authorName, sentAt));
        return new Reply(id, postId, authorName, text, visibility, sentAt, delivery, null, ReplyState.QUEUED, null);
    }

    /**
     * Records a reply from history that carries the platform's id of the message ({@code externalId}), once: a second
     * import of the same history finds it and records nothing.
     *
     * @return the reply recorded now, or empty when a reply with this external id was already there
     */
    @Transactional
    public Optional<Reply> recordDelivered(long postId, String text, Visibility visibility, String authorName,
                                           Instant sentAt, String externalId) {
        if (externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("externalId: is required");
        }
        boolean known = jdbc.sql("select exists (select 1 from reply where external_id = ?)").param(externalId)
                .query(Boolean.class).single();
        if (known) {
            return Optional.empty();
        }
        Reply reply = recordDelivered(postId, text, visibility, authorName, sentAt);
        jdbc.sql("update reply set external_id = ? where id = ?").params(externalId, reply.id()).update();
        return Optional.of(reply);
    }

    /** Sends a reply whose delivery failed once more; false when it had not failed. */
    @Transactional
    public boolean retryDelivery(long replyId) {
        Reply reply = find(replyId).orElseThrow(() -> new IllegalArgumentException("replyId: no reply with id " + replyId));
        if (reply.delivery() == null) {
            return false;
        }
        boolean retried = outbox.retry(reply.delivery().messageId());
        if (retried) {
            posts.find(reply.postId()).ifPresent(post -> events.publishEvent(new ReplyQueued(replyId, post.id(), post.threadId())));
        }
        return retried;
    }

    public Optional<Reply> find(long replyId) {
        return attachDeliveries(jdbc.sql("select * from reply where id = ?").param(replyId).query(Replies::row).list())
                .stream().findFirst();
    }

    /** The replies to these posts, oldest first; discarded drafts are left out. */
    List<Reply> toPosts(Collection<Long> postIds) {
        return attachDeliveries(jdbc.sql("""
                        select * from reply where post_id in (:posts) and approval_state is distinct from 'DISCARDED'
                        order by created_at, id""")
                .param("posts", postIds).query(Replies::row).list());
    }

    private long insert(long postId, Long authorUserId, String authorName, String text, Visibility visibility,
                        long messageId, Instant at) {
        return jdbc.sql("""
                        insert into reply (post_id, author_user_id, author_name, text, visibility, outbound_message_id, created_at)
                        values (?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(postId, authorUserId, authorName, text, visibility.name(), messageId, java.sql.Timestamp.from(at))
                .query(Long.class).single();
    }

    private long insertHeld(long postId, Long authorUserId, String authorName, String text, Visibility visibility,
                            String reason, Instant at) {
        return jdbc.sql("""
                        insert into reply (post_id, author_user_id, author_name, text, visibility, created_at,
                                           approval_state, approval_reason, approval_requested_at)
                        values (?, ?, ?, ?, ?, ?, 'AWAITING_APPROVAL', ?, ?) returning id
                        """)
                .params(postId, authorUserId, authorName, text, visibility.name(), java.sql.Timestamp.from(at), reason,
                        java.sql.Timestamp.from(at))
                .query(Long.class).single();
    }

    private static Map<String, Object> payload(Post post, String text, Visibility visibility, String authorName, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "reply");
        payload.put("channelId", post.channelId());
        payload.put("inReplyTo", post.externalId());
        payload.put("to", post.authorHandle());
        payload.put("visibility", visibility.json());
        payload.put("text", text);
        if (post.title() != null) {
            payload.put("subject", post.title());
        }
        payload.put("author", authorName);
        payload.put("createdAt", at.toString());
        return payload;
    }

    List<Reply> attachDeliveries(List<Row> rows) {
        Map<Long, Delivery> deliveries = outbox.deliveries(rows.stream().map(Row::messageId).filter(java.util.Objects::nonNull).toList());
        return rows.stream().map(row -> row.toReply(row.messageId() == null ? null : deliveries.get(row.messageId()))).toList();
    }

    static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String approvalState = rs.getString("approval_state");
        Reply.Approval approval = approvalState == null ? null : new Reply.Approval(rs.getString("approval_reason"),
                instant(rs, "approval_requested_at"), rs.getString("approval_decided_by_name"),
                instant(rs, "approval_decided_at"), rs.getString("approval_comment"));
        ReplyState state = approvalState == null || approvalState.equals("APPROVED") ? ReplyState.QUEUED
                : ReplyState.valueOf(approvalState);
        return new Row(rs.getLong("id"), rs.getLong("post_id"), rs.getString("author_name"), rs.getString("text"),
                Visibility.valueOf(rs.getString("visibility")), rs.getTimestamp("created_at").toInstant(),
                rs.getObject("outbound_message_id", Long.class), rs.getObject("author_user_id", Long.class), state, approval);
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** A reply as stored; its delivery is read from the outbox. */
    record Row(long id, long postId, String authorName, String text, Visibility visibility, Instant createdAt,
               Long messageId, Long authorUserId, ReplyState state, Reply.Approval approval) {

        Reply toReply(Delivery delivery) {
            return new Reply(id, postId, authorName, text, visibility, createdAt, delivery, authorUserId, state, approval);
        }
    }
}
