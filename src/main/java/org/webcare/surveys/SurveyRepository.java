package org.webcare.surveys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code survey} table. */
@Repository
class SurveyRepository {

    private final JdbcClient jdbc;

    SurveyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Schedules the case's survey; a survey cancelled by a reopen is scheduled again, any other one stays as it is
     * (never twice per case).
     */
    void schedule(long caseId, long brandId, long channelId, String customerHandle, Instant resolvedAt, Instant dueAt) {
        jdbc.sql("""
                        insert into survey (case_id, brand_id, channel_id, customer_handle, status, resolved_at, due_at)
                        values (?, ?, ?, ?, 'SCHEDULED', ?, ?)
                        on conflict (case_id) do update set status = 'SCHEDULED', reason = null,
                            resolved_at = excluded.resolved_at, due_at = excluded.due_at
                        where survey.status = 'CANCELLED'""")
                .params(caseId, brandId, channelId, customerHandle.toLowerCase(java.util.Locale.ROOT),
                        Timestamp.from(resolvedAt), Timestamp.from(dueAt))
                .update();
    }

    /** One due survey, locked for this transaction; other nodes skip it. */
    Optional<Survey> claimDue(Instant now) {
        return jdbc.sql("""
                        select * from survey where status = 'SCHEDULED' and due_at <= ?
                        order by due_at, id limit 1 for update skip locked""")
                .param(Timestamp.from(now)).query(SurveyRepository::row).optional();
    }

    void close(long id, SurveyStatus status, String reason) {
        jdbc.sql("update survey set status = ?, reason = ? where id = ?").params(status.name(), reason, id).update();
    }

    /** When this customer of the brand was last sent a survey, if ever. */
    Optional<Instant> lastSentTo(long brandId, String customerHandle) {
        return jdbc.sql("select max(sent_at) from survey where brand_id = ? and customer_handle = ? and sent_at is not null")
                .params(brandId, customerHandle.toLowerCase(java.util.Locale.ROOT))
                .query((rs, n) -> instant(rs, 1)).optional();
    }

    void sent(long id, SurveyKind kind, AskBy askBy, String language, Instant sentAt, Instant expiresAt, byte[] tokenHash,
              long replyId, String team, Long agentUserId, String agentName) {
        jdbc.sql("""
                        update survey set status = 'SENT', kind = ?, ask_by = ?, language = ?, sent_at = ?, expires_at = ?,
                            token_hash = ?, reply_id = ?, team = ?, agent_user_id = ?, agent_name = ?
                        where id = ?""")
                .params(kind.name(), askBy.name(), language, Timestamp.from(sentAt), Timestamp.from(expiresAt), tokenHash,
                        replyId, team, agentUserId, agentName, id)
                .update();
    }

    Optional<Survey> find(long id) {
        return jdbc.sql("select * from survey where id = ?").param(id).query(SurveyRepository::row).optional();
    }

    Optional<Survey> ofCase(long caseId) {
        return jdbc.sql("select * from survey where case_id = ?").param(caseId).query(SurveyRepository::row).optional();
    }

    Optional<Survey> lockOfCase(long caseId) {
        return jdbc.sql("select * from survey where case_id = ? for update").param(caseId).query(SurveyRepository::row).optional();
    }

    Optional<Survey> byTokenHash(byte[] hash, boolean lock) {
        return jdbc.sql("select * from survey where token_hash = ?" + (lock ? " for update" : "")).param(hash)
                .query(SurveyRepository::row).optional();
    }

    void answered(long id, int score, String comment, Instant at, String via, Long postId) {
        jdbc.sql("""
                        update survey set status = 'ANSWERED', score = ?, comment = ?, answered_at = ?, answered_via = ?,
                            answer_post_id = ?
                        where id = ?""")
                .params(score, comment, Timestamp.from(at), via, postId, id).update();
    }

    static Survey row(ResultSet rs, int n) throws SQLException {
        String kind = rs.getString("kind");
        String askBy = rs.getString("ask_by");
        return new Survey(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("brand_id"), rs.getLong("channel_id"),
                SurveyStatus.valueOf(rs.getString("status")), rs.getString("reason"), instant(rs, "resolved_at"),
                instant(rs, "due_at"), kind == null ? null : SurveyKind.valueOf(kind), askBy == null ? null : AskBy.valueOf(askBy),
                rs.getString("language"), instant(rs, "sent_at"), instant(rs, "expires_at"), rs.getString("team"),
                rs.getObject("agent_user_id", Long.class), rs.getString("agent_name"), rs.getObject("score", Integer.class),
                rs.getString("comment"), instant(rs, "answered_at"), rs.getString("answered_via"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
