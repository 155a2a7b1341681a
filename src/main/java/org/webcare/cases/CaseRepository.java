package org.webcare.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The case tables. Callers hold the transaction. */
@Repository
class CaseRepository {

    static final String SELECT = """
            select sc.*, b.name as brand_name, c.name as channel_name, u.display_name as assignee_name
            from support_case sc
            join brand b on b.id = sc.brand_id
            join channel c on c.id = sc.channel_id
            left join app_user u on u.id = sc.assignee_user_id
            """;

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Case> find(long id) {
        return jdbc.sql(SELECT + " where sc.id = ?").param(id).query(CaseRepository::map).optional();
    }

    /** Locks the case's row until the transaction ends, so concurrent changes of one case happen one after another. */
    Optional<Case> lock(long id) {
        jdbc.sql("select id from support_case where id = ? for update").param(id).query(Long.class).optional();
        return find(id);
    }

    long insert(long brandId, long channelId, String handle, String name, Priority priority, Instant firstPostAt,
                Instant lastPostAt, Long previousCaseId, Long splitFromId, Instant now) {
        return jdbc.sql("""
                        insert into support_case (brand_id, channel_id, customer_handle, customer_name, status, impact,
                               urgency, priority, priority_reasons, opened_at, first_customer_post_at, last_customer_post_at,
                               status_changed_at, previous_case_id, split_from_case_id)
                        values (:brand, :channel, :handle, :name, 'NEW', :impact, :urgency, :priority, cast(:reasons as text[]),
                                :now, :first, :last, :now, :previous, :splitFrom)
                        returning id""")
                .param("brand", brandId).param("channel", channelId).param("handle", handle).param("name", name)
                .param("impact", priority.impact().name()).param("urgency", priority.urgency().name())
                .param("priority", priority.value()).param("reasons", priority.reasons().toArray(String[]::new))
                .param("now", Timestamp.from(now)).param("first", Timestamp.from(firstPostAt))
                .param("last", Timestamp.from(lastPostAt))
                .param("previous", previousCaseId, java.sql.Types.BIGINT)
                .param("splitFrom", splitFromId, java.sql.Types.BIGINT)
                .query(Long.class).single();
    }

    boolean userExists(long userId) {
        return jdbc.sql("select exists (select 1 from app_user where id = ?)").param(userId).query(Boolean.class).single();
    }

    long brandOfChannel(long channelId) {
        return jdbc.sql("select brand_id from channel where id = ?").param(channelId).query(Long.class).single();
    }

    void addPosts(long caseId, List<Long> postIds) {
        jdbc.sql("""
                        insert into case_post (post_id, case_id) select unnest(cast(:posts as bigint[])), :case
                        on conflict (post_id) do update set case_id = excluded.case_id""")
                .param("posts", postIds.toArray(Long[]::new)).param("case", caseId).update();
    }

    List<Long> postIds(long caseId) {
        return jdbc.sql("select cp.post_id from case_post cp join post p on p.id = cp.post_id where cp.case_id = ? order by p.created_at, p.id")
                .param(caseId).query(Long.class).list();
    }

    Optional<Long> caseOfPost(long postId) {
        return jdbc.sql("select case_id from case_post where post_id = ?").param(postId).query(Long.class).optional();
    }

    /** The case of the newest other post of the thread that is in a case. */
    Optional<Long> caseOfThread(long threadId, long exceptPostId) {
        return jdbc.sql("""
                        select cp.case_id from post p join case_post cp on cp.post_id = p.id
                        where p.thread_id = ? and p.id <> ? order by p.created_at desc, p.id desc limit 1""")
                .params(threadId, exceptPostId).query(Long.class).optional();
    }

    /**
     * The customer's newest case on the brand's channels of the platform: the conversation a follow-up, a direct
     * message after a public post, or a reply by e-mail without references belongs to.
     */
    Optional<Case> latestOfCustomer(long brandId, String channelType, String handle) {
        return jdbc.sql(SELECT + """
                         where sc.brand_id = :brand and lower(sc.customer_handle) = lower(:handle)
                           and c.type = :type and sc.merged_into_case_id is null
                         order by sc.last_customer_post_at desc, sc.id desc limit 1""")
                .param("brand", brandId).param("handle", handle).param("type", channelType)
                .query(CaseRepository::map).optional();
    }

    void setStatus(long caseId, CaseStatus status, Instant now) {
        jdbc.sql("""
                        update support_case set status = :status, status_changed_at = :now,
                               resolved_at = case when :status = 'RESOLVED' then cast(:now as timestamptz)
                                                  when :status = 'CLOSED' then resolved_at end,
                               closed_at = case when :status = 'CLOSED' then cast(:now as timestamptz) end
                        where id = :id""")
                .param("status", status.name()).param("now", Timestamp.from(now)).param("id", caseId).update();
    }

    void setPriority(long caseId, Priority priority, boolean overridden) {
        jdbc.sql("""
                        update support_case set impact = ?, urgency = ?, priority = ?, priority_reasons = cast(? as text[]),
                               priority_overridden = ? where id = ?""")
                .params(priority.impact().name(), priority.urgency().name(), priority.value(),
                        priority.reasons().toArray(String[]::new), overridden, caseId)
                .update();
    }

    /** The open incident the case is part of (raising its impact), or empty. */
    Optional<Long> incidentOf(long caseId) {
        return jdbc.sql("select incident_id from support_case where id = ? and incident_id is not null").param(caseId)
                .query(Long.class).optional();
    }

    void setIncident(long caseId, Long incidentId) {
        jdbc.sql("update support_case set incident_id = :incident where id = :id")
                .param("incident", incidentId, java.sql.Types.BIGINT).param("id", caseId).update();
    }

    void customerWrote(long caseId, Instant at) {
        jdbc.sql("""
                        update support_case set last_customer_post_at = greatest(last_customer_post_at, ?),
                               first_customer_post_at = least(first_customer_post_at, ?) where id = ?""")
                .params(Timestamp.from(at), Timestamp.from(at), caseId).update();
    }

    void agentReplied(long caseId, Instant at) {
        jdbc.sql("""
                        update support_case set first_agent_reply_at = coalesce(first_agent_reply_at, ?),
                               last_agent_reply_at = greatest(last_agent_reply_at, ?) where id = ?""")
                .params(Timestamp.from(at), Timestamp.from(at), caseId).update();
    }

    void assign(long caseId, Long userId) {
        jdbc.sql("""
                        update support_case set previous_assignee_user_id = coalesce(assignee_user_id, previous_assignee_user_id),
                               assignee_user_id = :user where id = :id""")
                .param("user", userId, java.sql.Types.BIGINT).param("id", caseId).update();
    }

    void mergedInto(long caseId, long targetId) {
        jdbc.sql("update support_case set merged_into_case_id = ? where id = ?").params(targetId, caseId).update();
    }

    /** Recomputes first and last customer post times from the case's posts (after a merge or a split). */
    void refreshPostTimes(long caseId) {
        jdbc.sql("""
                        update support_case sc set first_customer_post_at = t.first_at, last_customer_post_at = t.last_at
                        from (select min(p.created_at) as first_at, max(p.created_at) as last_at
                              from case_post cp join post p on p.id = cp.post_id where cp.case_id = :id) t
                        where sc.id = :id and t.first_at is not null""")
                .param("id", caseId).update();
    }

    void event(long caseId, Long actorId, String actorName, String kind, String from, String to, String reason, Instant at) {
        jdbc.sql("""
                        insert into case_event (case_id, at, actor_user_id, actor_name, kind, from_value, to_value, reason)
                        values (:case, :at, :actor, :actorName, :kind, :from, :to, :reason)""")
                .param("case", caseId).param("at", Timestamp.from(at)).param("actor", actorId, java.sql.Types.BIGINT)
                .param("actorName", actorName).param("kind", kind).param("from", from).param("to", to)
                .param("reason", reason).update();
    }

    List<CaseEvent> events(long caseId) {
        return jdbc.sql("select * from case_event where case_id = ? order by at, id").param(caseId)
                .query((rs, n) -> new CaseEvent(rs.getLong("id"), rs.getLong("case_id"), rs.getTimestamp("at").toInstant(),
                        rs.getObject("actor_user_id", Long.class), rs.getString("actor_name"), rs.getString("kind"),
                        rs.getString("from_value"), rs.getString("to_value"), rs.getString("reason")))
                .list();
    }

    List<Case> list(CaseFilter filter) {
        String where = " where (cast(:statuses as text[]) is null or sc.status = any(cast(:statuses as text[])))"
                + " and (cast(:brand as bigint) is null or sc.brand_id = :brand)"
                + " and (cast(:assignee as bigint) is null or sc.assignee_user_id = :assignee)"
                + " and (not :unassigned or sc.assignee_user_id is null)"
                + " and (cast(:maxPriority as int) is null or sc.priority <= :maxPriority)"
                + " and (cast(:customer as text) is null or lower(sc.customer_handle) = lower(:customer))";
        return jdbc.sql(SELECT + where + " order by sc.priority, sc.last_customer_post_at, sc.id limit :limit")
                .param("statuses", filter.statuses() == null ? null : filter.statuses().stream().map(Enum::name).toArray(String[]::new), java.sql.Types.ARRAY)
                .param("brand", filter.brandId(), java.sql.Types.BIGINT)
                .param("assignee", filter.assigneeId(), java.sql.Types.BIGINT)
                .param("unassigned", filter.unassigned())
                .param("maxPriority", filter.maxPriority(), java.sql.Types.INTEGER)
                .param("customer", filter.customerHandle(), java.sql.Types.VARCHAR)
                .param("limit", filter.limit())
                .query(CaseRepository::map).list();
    }

    /** Active cases whose customer waits for a reply, with the priority not overridden: their urgency may rise. */
    List<Long> waitingForReassessment(Instant waitingSinceBefore) {
        return jdbc.sql("""
                        select id from support_case
                        where status not in ('RESOLVED', 'CLOSED') and not priority_overridden
                          and (last_agent_reply_at is null or last_customer_post_at > last_agent_reply_at)
                          and last_customer_post_at <= ?
                          and not exists (select 1 from unnest(priority_reasons) r where r like 'waiting=%')
                        """)
                .param(Timestamp.from(waitingSinceBefore)).query(Long.class).list();
    }

    List<Long> resolvedBefore(Instant before) {
        return jdbc.sql("select id from support_case where status = 'RESOLVED' and resolved_at <= ? order by id limit 500")
                .param(Timestamp.from(before)).query(Long.class).list();
    }

    static Case map(ResultSet rs, int row) throws SQLException {
        Priority priority = new Priority(Priority.Level.valueOf(rs.getString("impact")),
                Priority.Level.valueOf(rs.getString("urgency")), rs.getInt("priority"),
                Arrays.stream((Object[]) rs.getArray("priority_reasons").getArray()).map(String::valueOf).toList());
        return new Case(rs.getLong("id"), rs.getLong("brand_id"), rs.getString("brand_name"), rs.getLong("channel_id"),
                rs.getString("channel_name"), rs.getString("customer_handle"), rs.getString("customer_name"),
                CaseStatus.valueOf(rs.getString("status")), priority, rs.getBoolean("priority_overridden"),
                rs.getObject("assignee_user_id", Long.class), rs.getString("assignee_name"),
                rs.getObject("previous_assignee_user_id", Long.class), rs.getObject("previous_case_id", Long.class),
                rs.getObject("merged_into_case_id", Long.class), rs.getObject("split_from_case_id", Long.class),
                instant(rs, "opened_at"), instant(rs, "first_customer_post_at"), instant(rs, "last_customer_post_at"),
                instant(rs, "first_agent_reply_at"), instant(rs, "last_agent_reply_at"), instant(rs, "status_changed_at"),
                instant(rs, "resolved_at"), instant(rs, "closed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
