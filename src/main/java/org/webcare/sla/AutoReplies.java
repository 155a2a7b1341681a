package org.webcare.sla;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.webcare.cases.CaseOpened;
import org.webcare.cases.CaseView;
import org.webcare.cases.Cases;
import org.webcare.cases.Replies;
import org.webcare.cases.Reply;
import org.webcare.intake.Post;

/**
 * The reply a customer gets who writes outside opening hours, when the case's policy has an auto-reply text: the text
 * with {@code {{promise}}} replaced by when the first response is due ("morgen vóór 12:00"), in the post's language
 * (Dutch, else English), sent by the brand. At most once per case: the case's row in {@code sla_auto_reply} is written
 * in the transaction that records the reply, and a case the team already answered gets none. The auto-reply does not
 * stop the first-response clock.
 */
@Component
public class AutoReplies {

    private static final Logger log = LoggerFactory.getLogger(AutoReplies.class);

    private final JdbcClient jdbc;
    private final Cases cases;
    private final Replies replies;
    private final SlaClocks clocks;
    private final SlaCalendars calendars;

    AutoReplies(JdbcClient jdbc, Cases cases, Replies replies, SlaClocks clocks, SlaCalendars calendars) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.replies = replies;
        this.clocks = clocks;
        this.calendars = calendars;
    }

    /** After the case's opening committed: a failed auto-reply must not lose the customer's post. */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(CaseOpened opened) {
        if (org.webcare.shared.HistoryReplay.active()) {
            return; // a case from imported history: its customer was answered (or not) long ago, outside Webcare
        }
        try {
            offer(opened.caseId());
        } catch (RuntimeException e) {
            log.warn("No auto-reply for case {}: {}", opened.caseId(), e.getMessage());
        }
    }

    /** Sends the case its auto-reply if its policy has one, the customer wrote outside opening hours, and none went yet. */
    @Transactional
    public Optional<Reply> offer(long caseId) {
        CaseView view = cases.view(caseId).orElse(null);
        if (view == null || view.posts().isEmpty() || !view.replies().isEmpty()) {
            return Optional.empty();
        }
        SlaPolicy policy = clocks.policyOf(view.details(), view.posts());
        if (policy.autoReplyText() == null) {
            return Optional.empty();
        }
        SlaCalendars.Calendar calendar = calendars.of(policy.calendarId());
        Post post = view.latestPost();
        Instant wrote = post.createdAt();
        if (calendar.time().isOpen(wrote)) {
            return Optional.empty();
        }
        Optional<SlaClock> first = clocks.of(caseId).stream().filter(c -> c.kind() == ClockKind.FIRST_RESPONSE && c.turn() == 0).findFirst();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        // Claims the case's one auto-reply; a second attempt waits for this transaction and then finds the row.
        int claimed = jdbc.sql("insert into sla_auto_reply (case_id, reply_id, sent_at) values (?, 0, ?) on conflict do nothing")
                .params(caseId, Timestamp.from(Instant.now())).update();
        if (claimed == 0) {
            return Optional.empty();
        }
        String language = post.analysis() == null ? "en" : post.analysis().language().code();
        String text = policy.autoReplyText().replace("{{promise}}",
                Promise.of(first.get().dueAt(), wrote, calendar.zone(), language));
        Reply reply = replies.sendAutomatic(post.id(), text, post.visibility(), view.details().brandName());
        jdbc.sql("update sla_auto_reply set reply_id = ? where case_id = ?").params(reply.id(), caseId).update();
        clocks.recompute(caseId); // the reply was seen as the team's while its row was unfinished
        return Optional.of(reply);
    }
}
