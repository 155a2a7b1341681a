package org.webcare.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.cases.Case;
import org.webcare.cases.CaseEvent;
import org.webcare.cases.CaseOpened;
import org.webcare.cases.CaseStatus;
import org.webcare.cases.CaseUpdated;
import org.webcare.cases.CaseView;
import org.webcare.cases.Cases;
import org.webcare.cases.ReplyState;
import org.webcare.intake.Post;
import org.webcare.routing.CustomerTags;
import org.webcare.shared.Intent;

/**
 * The cases' clocks. Whenever a case changes (inside the transaction that changed it) its clocks are derived again from
 * its history ({@link ClockPlan}) and stored; the columns recording sent warnings and breaches are kept, so those fire
 * once however often a clock is recomputed.
 */
@Service
public class SlaClocks {

    private final JdbcClient jdbc;
    private final Cases cases;
    private final SlaPolicies policies;
    private final SlaCalendars calendars;
    private final CustomerTags tags;

    SlaClocks(JdbcClient jdbc, Cases cases, SlaPolicies policies, SlaCalendars calendars, CustomerTags tags) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.policies = policies;
        this.calendars = calendars;
        this.tags = tags;
    }

    @EventListener
    void on(CaseOpened opened) {
        recompute(opened.caseId());
    }

    @EventListener
    void on(CaseUpdated updated) {
        recompute(updated.caseId());
    }

    public List<SlaClock> of(long caseId) {
        return jdbc.sql("select * from sla_clock where case_id = ? order by started_at, kind, turn").param(caseId)
                .query(SlaClocks::row).list();
    }

    /** The policy that applies to a case now. */
    public SlaPolicy policyOf(Case details, List<Post> posts) {
        List<String> intents = posts.stream().filter(p -> p.analysis() != null).flatMap(p -> p.analysis().intents().stream())
                .map(Intent::json).distinct().toList();
        return policies.applying(details.brandId(), details.channelId(), details.priority().value(), intents,
                tags.of(details.brandId(), details.customerHandle()));
    }

    @Transactional
    public void recompute(long caseId) {
        CaseView view = cases.view(caseId).orElse(null);
        if (view == null || view.details().mergedIntoId() != null) {
            return; // a merged case's clocks stay as they were; the case it went into runs its own
        }
        SlaPolicy policy = policyOf(view.details(), view.posts());
        SlaCalendars.Calendar calendar = calendars.of(policy.calendarId());
        List<ClockPlan.Planned> planned = ClockPlan.plan(timeline(view), policy, calendar.time());
        Set<String> kept = new HashSet<>();
        for (ClockPlan.Planned clock : planned) {
            store(caseId, policy, clock, calendar);
            kept.add(clock.kind().json() + "#" + clock.turn());
        }
        for (SlaClock stored : of(caseId)) {
            if (!kept.contains(stored.kind().json() + "#" + stored.turn())) {
                jdbc.sql("delete from sla_clock where id = ?").param(stored.id()).update();
            }
        }
        if (org.webcare.shared.HistoryReplay.active()) {
            quietHistory(caseId, Instant.now());
        }
    }

    /**
     * Imported history: what was already due before the import is marked as told, so the checker neither warns nor
     * announces breaches of conversations that ended long ago (the outcome, met or breached, is still recorded for the
     * reports). Clocks still running into the future are left alone and warn as live ones do.
     */
    private void quietHistory(long caseId, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.sql("update sla_clock set warning_sent_at = ? where case_id = ? and warning_sent_at is null and warn_at <= ?")
                .params(at, caseId, at).update();
        jdbc.sql("update sla_clock set breach_sent_at = ? where case_id = ? and breach_sent_at is null and due_at <= ?")
                .params(at, caseId, at).update();
    }

    private void store(long caseId, SlaPolicy policy, ClockPlan.Planned clock, SlaCalendars.Calendar calendar) {
        String outcome = null;
        Long marginWorking = null;
        Long marginCalendar = null;
        if (clock.stoppedAt() != null) {
            outcome = clock.met() ? "met" : "breached";
            marginWorking = ClockPlan.margin(clock, calendar.time()).toSeconds();
            marginCalendar = java.time.Duration.between(clock.dueAt(), clock.stoppedAt()).toSeconds();
        }
        jdbc.sql("""
                insert into sla_clock (case_id, kind, turn, policy_id, target_seconds, working, started_at, due_at, warn_at,
                  paused_seconds, paused_since, internal_wait_seconds, internal_since, stopped_at, outcome,
                  margin_working_seconds, margin_calendar_seconds)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (case_id, kind, turn) do update set policy_id = excluded.policy_id,
                  target_seconds = excluded.target_seconds, working = excluded.working, started_at = excluded.started_at,
                  due_at = excluded.due_at, warn_at = excluded.warn_at, paused_seconds = excluded.paused_seconds,
                  paused_since = excluded.paused_since, internal_wait_seconds = excluded.internal_wait_seconds,
                  internal_since = excluded.internal_since, stopped_at = excluded.stopped_at, outcome = excluded.outcome,
                  margin_working_seconds = excluded.margin_working_seconds,
                  margin_calendar_seconds = excluded.margin_calendar_seconds""")
                .params(caseId, clock.kind().json(), clock.turn(), policy.id() == 0 ? null : policy.id(),
                        clock.target().within().toSeconds(), clock.target().workingTime(), ts(clock.startedAt()),
                        ts(clock.dueAt()), ts(clock.warnAt()), clock.paused().toSeconds(), ts(clock.pausedSince()),
                        clock.internalWait().toSeconds(), ts(clock.internalSince()), ts(clock.stoppedAt()), outcome,
                        marginWorking, marginCalendar)
                .update();
    }

    /** The case's history as its clocks see it. Replies count once they went out (not while held for approval). */
    private Timeline timeline(CaseView view) {
        Set<Long> automatic = new HashSet<>(jdbc.sql("select reply_id from sla_auto_reply where case_id = ?")
                .param(view.details().id()).query(Long.class).list());
        List<Instant> posts = view.posts().stream()
                .map(p -> p.receivedAt() != null && p.receivedAt().isBefore(p.createdAt()) ? p.receivedAt() : p.createdAt())
                .sorted().toList();
        List<Instant> replies = view.replies().stream()
                .filter(r -> r.state() == ReplyState.QUEUED && !automatic.contains(r.id()))
                .map(r -> r.createdAt()).sorted().toList();
        // In the order they were recorded: a change dated by the customer's post can carry an earlier time than the
        // change before it (a reopening by a post written moments before the resolution was recorded).
        List<Timeline.StatusChange> changes = new java.util.ArrayList<>();
        Instant previous = Instant.MIN;
        for (CaseEvent e : view.events().stream().sorted(Comparator.comparingLong(CaseEvent::id)).toList()) {
            if (("status".equals(e.kind()) || "reopened".equals(e.kind())) && e.from() != null && e.to() != null) {
                previous = e.at().isAfter(previous) ? e.at() : previous;
                try {
                    changes.add(new Timeline.StatusChange(previous, CaseStatus.parse(e.from()), CaseStatus.parse(e.to())));
                } catch (IllegalArgumentException unknown) {
                    // A change this version does not know must not stop the case's post or reply being stored.
                }
            }
        }
        Instant opened = view.details().openedAt();
        if (!posts.isEmpty() && posts.getFirst().isBefore(opened)) {
            opened = posts.getFirst(); // a case opened later by an agent: the customer has waited since writing
        }
        return new Timeline(opened, posts, replies, changes);
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    static SlaClock row(ResultSet rs, int n) throws SQLException {
        return new SlaClock(rs.getLong("id"), rs.getLong("case_id"), ClockKind.parse(rs.getString("kind")), rs.getInt("turn"),
                (Long) rs.getObject("policy_id"), rs.getLong("target_seconds"), rs.getBoolean("working"),
                instant(rs, "started_at"), instant(rs, "due_at"), instant(rs, "warn_at"), rs.getLong("paused_seconds"),
                instant(rs, "paused_since"), rs.getLong("internal_wait_seconds"), instant(rs, "internal_since"),
                instant(rs, "stopped_at"), rs.getString("outcome"), (Long) rs.getObject("margin_working_seconds"),
                (Long) rs.getObject("margin_calendar_seconds"), instant(rs, "warning_sent_at"), instant(rs, "breach_sent_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
