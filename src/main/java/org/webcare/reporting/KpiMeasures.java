package org.webcare.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.webcare.calendar.BusinessCalendar;
import org.webcare.calendar.BusinessCalendars;
import org.webcare.cases.CaseAssigned;
import org.webcare.cases.CaseOpened;
import org.webcare.cases.CaseReopened;
import org.webcare.cases.CaseStatusChanged;
import org.webcare.cases.CaseUpdated;
import org.webcare.cases.ReplyRecorded;
import org.webcare.intake.AnalysisCorrected;
import org.webcare.intake.PostReceived;

/**
 * Keeps the KPI measure rows (kpi_post, kpi_reply, kpi_case) current. Every event that changes a post, an agent reply
 * or a case marks it in the transaction that changed it; just before that transaction commits, the marked rows are
 * written from the base tables. So they commit (or roll back) together with what they measure, and they are written
 * after every other listener of the same transaction has done its part (the case a post joined, the queue a case was
 * routed to, its SLA clocks). Writing a case's row is an idempotent recomputation, so the same case marked by several
 * events is written once, and a rebuild that runs alongside intake converges on the same rows.
 */
@Service
public class KpiMeasures {

    private static final Logger log = LoggerFactory.getLogger(KpiMeasures.class);
    private static final int BATCH = 2_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final BusinessCalendars calendars;
    private final Duration firstResponseTarget;
    private final Duration resolutionTarget;

    KpiMeasures(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, BusinessCalendars calendars,
                @Value("${webcare.reports.first-response-target:PT4H}") Duration firstResponseTarget,
                @Value("${webcare.reports.resolution-target:PT24H}") Duration resolutionTarget) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
        this.calendars = calendars;
        this.firstResponseTarget = firstResponseTarget;
        this.resolutionTarget = resolutionTarget;
    }

    Duration firstResponseTarget() {
        return firstResponseTarget;
    }

    Duration resolutionTarget() {
        return resolutionTarget;
    }

    @EventListener
    void on(PostReceived received) {
        mark(p -> p.posts.add(received.postId()));
    }

    @EventListener
    void on(ReplyRecorded reply) {
        mark(p -> p.replies.add(reply));
    }

    @EventListener
    void on(AnalysisCorrected corrected) {
        mark(p -> p.posts.add(corrected.postId()));
    }

    @EventListener
    void on(CaseOpened opened) {
        mark(p -> p.cases.add(opened.caseId()));
    }

    @EventListener
    void on(CaseUpdated updated) {
        mark(p -> p.cases.add(updated.caseId()));
    }

    @EventListener
    void on(CaseStatusChanged changed) {
        mark(p -> p.cases.add(changed.caseId()));
    }

    @EventListener
    void on(CaseAssigned assigned) {
        mark(p -> p.cases.add(assigned.caseId()));
    }

    @EventListener
    void on(CaseReopened reopened) {
        mark(p -> p.cases.add(reopened.caseId()));
    }

    /** Data stored before the measure tables existed (or restored without them) is measured once at startup. */
    @EventListener(ApplicationReadyEvent.class)
    void measureWhenEmpty() {
        boolean empty = !jdbc.sql("select exists (select 1 from kpi_post)").query(Boolean.class).single()
                && jdbc.sql("select exists (select 1 from post)").query(Boolean.class).single();
        if (empty) {
            log.info("Measuring stored posts, replies and cases for the KPI reports");
            Rebuilt rebuilt = rebuild();
            log.info("KPI measures: {} posts, {} replies, {} cases", rebuilt.posts(), rebuilt.replies(), rebuilt.cases());
        }
    }

    /** How many rows a rebuild wrote. */
    public record Rebuilt(long posts, long replies, long cases) {
    }

    /**
     * Recomputes every measure row from the base tables, in batches of ids, each in its own transaction, so it can run
     * while intake goes on: rows written live meanwhile are upserts of the same values.
     */
    public Rebuilt rebuild() {
        long posts = 0;
        long replies = 0;
        long cases = 0;
        long maxPost = jdbc.sql("select coalesce(max(id), 0) from post").query(Long.class).single();
        for (long from = 0; from <= maxPost; from += BATCH * 10L) {
            long start = from;
            posts += transactions.execute(status -> (long) jdbc.sql(POSTS_FROM_BASE + " where p.id >= ? and p.id < ?" + POSTS_UPSERT)
                    .params(start, start + BATCH * 10L).update());
        }
        long maxReply = jdbc.sql("select coalesce(max(id), 0) from reply").query(Long.class).single();
        for (long from = 0; from <= maxReply; from += BATCH * 10L) {
            long start = from;
            replies += transactions.execute(status -> (long) jdbc.sql(REPLIES_FROM_BASE + " and r.id >= ? and r.id < ? on conflict (reply_id) do nothing")
                    .params(start, start + BATCH * 10L).update());
        }
        for (long from = 0; from <= maxPost; from += BATCH * 10L) {
            long start = from;
            transactions.executeWithoutResult(status -> jdbc.sql("""
                            update kpi_post k set answered = true
                            where k.post_id >= ? and k.post_id < ? and k.addressed and not k.answered and (%s)""".formatted(ANSWERED))
                    .params(start, start + BATCH * 10L).update());
        }
        long maxCase = jdbc.sql("select coalesce(max(id), 0) from support_case").query(Long.class).single();
        for (long from = 0; from <= maxCase; from += BATCH) {
            List<Long> ids = jdbc.sql("select id from support_case where id >= ? and id < ? order by id")
                    .params(from, from + BATCH).query(Long.class).list();
            if (!ids.isEmpty()) {
                transactions.executeWithoutResult(status -> writeCases(ids));
                cases += ids.size();
            }
        }
        return new Rebuilt(posts, replies, cases);
    }

    // -- what a transaction marked, written just before it commits

    private static final class Pending implements TransactionSynchronization {
        private final KpiMeasures measures;
        final Set<Long> posts = new LinkedHashSet<>();
        final List<ReplyRecorded> replies = new ArrayList<>();
        final Set<Long> cases = new LinkedHashSet<>();

        Pending(KpiMeasures measures) {
            this.measures = measures;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            measures.write(this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Pending.class);
        }
    }

    /** Marks something in the transaction that changed it; outside a transaction it is written at once. */
    private void mark(java.util.function.Consumer<Pending> what) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            Pending now = new Pending(this);
            what.accept(now);
            transactions.executeWithoutResult(status -> write(now));
            return;
        }
        Pending pending;
        if (TransactionSynchronizationManager.getResource(Pending.class) instanceof Pending found) {
            pending = found;
        } else {
            pending = new Pending(this);
            TransactionSynchronizationManager.bindResource(Pending.class, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        what.accept(pending);
    }

    private void write(Pending pending) {
        Set<Long> cases = new LinkedHashSet<>(pending.cases);
        for (Long postId : pending.posts) {
            jdbc.sql(POSTS_FROM_BASE + " where p.id = ?" + POSTS_UPSERT).param(postId).update();
            jdbc.sql("update kpi_post k set answered = true where k.post_id = ? and k.addressed and not k.answered and (%s)"
                    .formatted(ANSWERED)).param(postId).update();
            jdbc.sql("select case_id from case_post where post_id = ?").param(postId).query(Long.class).optional()
                    .ifPresent(cases::add);
        }
        for (ReplyRecorded reply : pending.replies) {
            Optional<ReplyMeasure> measure = jdbc.sql("""
                            insert into kpi_reply (reply_id, created_at, brand_id, channel_id, case_id, post_id, post_created_at,
                                                   agent_user_id, agent_key, minutes)
                            select r.id, :at, c.brand_id, p.channel_id, cp.case_id, p.id, p.created_at, :user,
                                   coalesce(cast(cast(:user as bigint) as text), r.author_name),
                                   extract(epoch from (cast(:at as timestamptz) - p.created_at)) / 60.0
                            from reply r join post p on p.id = r.post_id join channel c on c.id = p.channel_id
                                 left join case_post cp on cp.post_id = p.id
                            where r.id = :id
                            on conflict (reply_id) do update set created_at = excluded.created_at, minutes = excluded.minutes,
                                   agent_user_id = excluded.agent_user_id, agent_key = excluded.agent_key
                            returning post_id, post_created_at, case_id""")
                    .param("at", Timestamp.from(reply.at()))
                    .param("user", reply.authorUserId(), java.sql.Types.BIGINT)
                    .param("id", reply.replyId())
                    .query((rs, n) -> new ReplyMeasure(rs.getLong("post_id"), rs.getTimestamp("post_created_at"),
                            rs.getObject("case_id", Long.class)))
                    .optional();
            measure.ifPresent(m -> {
                // The reply answers its post and every earlier message of the same case.
                jdbc.sql("""
                                update kpi_post set answered = true
                                where addressed and not answered
                                  and (post_id = :post or (case_id = cast(:case as bigint) and created_at <= :before))""")
                        .param("post", m.postId()).param("case", m.caseId(), java.sql.Types.BIGINT).param("before", m.postCreatedAt())
                        .update();
                if (m.caseId() != null) {
                    cases.add(m.caseId());
                }
            });
        }
        if (!cases.isEmpty()) {
            writeCases(new ArrayList<>(cases));
        }
    }

    private record ReplyMeasure(long postId, Timestamp postCreatedAt, Long caseId) {
    }

    /** Writes the rows of these cases (and moves posts and replies that a merge or split moved to another case). */
    void writeCases(List<Long> caseIds) {
        Long[] ids = caseIds.toArray(Long[]::new);
        jdbc.sql("""
                        update kpi_post k set case_id = cp.case_id from case_post cp
                        where cp.case_id = any(?) and k.post_id = cp.post_id and k.case_id is distinct from cp.case_id""")
                .param(ids).update();
        jdbc.sql("""
                        update kpi_reply k set case_id = cp.case_id from case_post cp
                        where cp.case_id = any(?) and k.post_id = cp.post_id and k.case_id is distinct from cp.case_id""")
                .param(ids).update();
        List<CaseFacts> facts = jdbc.sql(CASE_FACTS).param(ids).query(KpiMeasures::facts).list();
        Map<Long, Optional<BusinessCalendar>> calendarsById = new HashMap<>();
        List<Object[]> rows = new ArrayList<>(facts.size());
        for (CaseFacts f : facts) {
            Optional<BusinessCalendar> calendar = f.calendarId() == null ? Optional.empty()
                    : calendarsById.computeIfAbsent(f.calendarId(), calendars::find);
            Double firstResponse = minutes(f.firstCustomerPostAt(), f.firstAgentReplyAt());
            Double firstResponseWorking = firstResponse == null ? null : calendar.map(c -> working(c, f.firstCustomerPostAt(), f.firstAgentReplyAt())).orElse(null);
            Double resolution = minutes(f.firstCustomerPostAt(), f.resolvedAt());
            Double resolutionWorking = resolution == null ? null : calendar.map(c -> working(c, f.firstCustomerPostAt(), f.resolvedAt())).orElse(null);
            Boolean firstResponseWithin = within(firstResponse, firstResponseWorking, f.firstResponseTargetSeconds(),
                    f.firstResponseTargetWorking(), firstResponseTarget);
            Boolean resolutionWithin = within(resolution, resolutionWorking, f.resolutionTargetSeconds(),
                    f.resolutionTargetWorking(), resolutionTarget);
            rows.add(new Object[] {f.caseId(), f.brandId(), f.channelId(), f.team(), f.agentUserId(), ts(f.openedAt()),
                    ts(f.firstCustomerPostAt()), ts(f.firstAgentReplyAt()), ts(f.resolvedAt()), ts(f.doneAt()),
                    firstResponse, firstResponseWorking, firstResponseWithin, resolution, resolutionWorking, resolutionWithin,
                    f.publicToPrivate()});
        }
        template.batchUpdate("""
                insert into kpi_case (case_id, brand_id, channel_id, team, agent_user_id, opened_at, first_customer_post_at,
                                      first_agent_reply_at, resolved_at, done_at, first_response_minutes,
                                      first_response_working_minutes, first_response_within, resolution_minutes,
                                      resolution_working_minutes, resolution_within, public_to_private)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (case_id) do update set brand_id = excluded.brand_id, channel_id = excluded.channel_id,
                    team = excluded.team, agent_user_id = excluded.agent_user_id, opened_at = excluded.opened_at,
                    first_customer_post_at = excluded.first_customer_post_at,
                    first_agent_reply_at = excluded.first_agent_reply_at, resolved_at = excluded.resolved_at,
                    done_at = excluded.done_at, first_response_minutes = excluded.first_response_minutes,
                    first_response_working_minutes = excluded.first_response_working_minutes,
                    first_response_within = excluded.first_response_within,
                    resolution_minutes = excluded.resolution_minutes,
                    resolution_working_minutes = excluded.resolution_working_minutes,
                    resolution_within = excluded.resolution_within, public_to_private = excluded.public_to_private""", rows);
    }

    /**
     * Within target: the SLA clock's target when the case has one (counted in working time when the clock counts
     * working time and a calendar applies), else the default target in calendar time. Null without a duration.
     */
    static Boolean within(Double minutes, Double workingMinutes, Long targetSeconds, Boolean targetWorking, Duration fallback) {
        if (minutes == null) {
            return null;
        }
        if (targetSeconds != null) {
            double measured = Boolean.TRUE.equals(targetWorking) && workingMinutes != null ? workingMinutes : minutes;
            return measured * 60.0 <= targetSeconds;
        }
        return minutes * 60_000.0 <= fallback.toMillis();
    }

    private static Double minutes(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis() / 60_000.0;
    }

    private static Double working(BusinessCalendar calendar, Instant from, Instant to) {
        return to.isBefore(from) ? 0.0 : calendar.between(from, to).toMillis() / 60_000.0;
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private record CaseFacts(long caseId, long brandId, long channelId, String team, Long agentUserId, Instant openedAt,
                             Instant firstCustomerPostAt, Instant firstAgentReplyAt, Instant resolvedAt, Instant doneAt,
                             Long firstResponseTargetSeconds, Boolean firstResponseTargetWorking,
                             Long resolutionTargetSeconds, Boolean resolutionTargetWorking, Long calendarId,
                             boolean publicToPrivate) {
    }

    private static CaseFacts facts(ResultSet rs, int row) throws SQLException {
        return new CaseFacts(rs.getLong("id"), rs.getLong("brand_id"), rs.getLong("channel_id"), rs.getString("team"),
                rs.getObject("assignee_user_id", Long.class), instant(rs, "opened_at"), instant(rs, "first_customer_post_at"),
                instant(rs, "first_agent_reply_at"), instant(rs, "resolved_at"), instant(rs, "done_at"),
                rs.getObject("fr_target", Long.class), rs.getObject("fr_working", Boolean.class),
                rs.getObject("rs_target", Long.class), rs.getObject("rs_working", Boolean.class),
                rs.getObject("calendar_id", Long.class), rs.getBoolean("public_to_private"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    // -- the measures from the base tables

    /** A post's measure row; brand from its channel, addressed also when it is private. */
    private static final String POSTS_FROM_BASE = """
            insert into kpi_post (post_id, created_at, brand_id, channel_id, case_id, addressed, negative, positive)
            select p.id, p.created_at, c.brand_id, p.channel_id, cp.case_id, p.addressed or p.visibility = 'PRIVATE',
                   coalesce(p.sentiment = 'NEGATIVE', false), coalesce(p.sentiment = 'POSITIVE', false)
            from post p join channel c on c.id = p.channel_id left join case_post cp on cp.post_id = p.id""";

    private static final String POSTS_UPSERT = """

            on conflict (post_id) do update set created_at = excluded.created_at, brand_id = excluded.brand_id,
                channel_id = excluded.channel_id, case_id = excluded.case_id, addressed = excluded.addressed,
                negative = excluded.negative, positive = excluded.positive""";

    /** A post (k) is answered when an agent replied to it, or to a later message of its case. */
    private static final String ANSWERED = """
            exists (select 1 from kpi_reply r where r.post_id = k.post_id)
            or (k.case_id is not null and exists (select 1 from kpi_reply r where r.case_id = k.case_id and r.post_created_at >= k.created_at))""";

    /**
     * The team's replies as the cases module counts them for first_agent_reply_at: queued or delivered replies (a
     * held reply counts from its approval), without the automatic promises the SLA module sends in the brand's name.
     */
    private static final String REPLIES_FROM_BASE = """
            insert into kpi_reply (reply_id, created_at, brand_id, channel_id, case_id, post_id, post_created_at,
                                   agent_user_id, agent_key, minutes)
            select r.id, t.at, c.brand_id, p.channel_id, cp.case_id, p.id, p.created_at, r.author_user_id,
                   coalesce(cast(r.author_user_id as text), r.author_name), extract(epoch from (t.at - p.created_at)) / 60.0
            from reply r
                 cross join lateral (select case when r.approval_state = 'APPROVED'
                                                 then coalesce(r.approval_decided_at, r.created_at) else r.created_at end as at) t
                 join post p on p.id = r.post_id join channel c on c.id = p.channel_id
                 left join case_post cp on cp.post_id = p.id
            where r.outbound_message_id is not null
              and not exists (select 1 from sla_auto_reply a where a.reply_id = r.id)""";

    /**
     * What a case's row is computed from: its team (the queue's team, else the queue's name), the targets of its
     * first SLA first-response clock and latest resolution clock, the calendar its working time counts in (its SLA
     * policy's, else the brand's first) and whether it went from a public first post to a private message.
     */
    private static final String CASE_FACTS = """
            select sc.id, sc.brand_id, sc.channel_id, sc.assignee_user_id, sc.opened_at, sc.first_customer_post_at,
                   sc.first_agent_reply_at, sc.resolved_at, coalesce(sc.resolved_at, sc.closed_at) as done_at,
                   (select coalesce(q.team, q.name) from case_queue cq join routing_queue q on q.id = cq.queue_id
                     where cq.case_id = sc.id) as team,
                   fr.target_seconds as fr_target, fr.working as fr_working,
                   rs.target_seconds as rs_target, rs.working as rs_working,
                   coalesce((select p.calendar_id from sla_clock k join sla_policy p on p.id = k.policy_id
                              where k.case_id = sc.id and p.calendar_id is not null order by k.turn, k.id limit 1),
                            (select min(b.id) from business_calendar b where b.brand_id = sc.brand_id)) as calendar_id,
                   coalesce((select p.visibility = 'PUBLIC' from case_post cp join post p on p.id = cp.post_id
                              where cp.case_id = sc.id order by p.created_at, p.id limit 1), false)
                   and (exists (select 1 from case_post cp join post p on p.id = cp.post_id
                                 where cp.case_id = sc.id and p.visibility = 'PRIVATE')
                        or exists (select 1 from case_post cp join reply r on r.post_id = cp.post_id
                                    where cp.case_id = sc.id and r.visibility = 'PRIVATE' and r.outbound_message_id is not null
                                      and not exists (select 1 from sla_auto_reply a where a.reply_id = r.id))) as public_to_private
            from support_case sc
                 left join lateral (select target_seconds, working from sla_clock
                                     where case_id = sc.id and kind = 'first-response' order by turn limit 1) fr on true
                 left join lateral (select target_seconds, working from sla_clock
                                     where case_id = sc.id and kind = 'resolution' order by turn desc limit 1) rs on true
            where sc.id = any(?)""";
}
