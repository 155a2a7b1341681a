package org.webcare.consults;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The consult tables. Callers hold the transaction. */
@Repository
class ConsultRepository {

    private final JdbcClient jdbc;

    ConsultRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewConsult(long caseId, String expertEmail, String question, String language, Long askedByUserId,
                      String askedBy, Instant askedAt, Instant dueAt, Instant linkExpiresAt, String messageId) {
    }

    long insert(NewConsult consult) {
        return jdbc.sql("""
                        insert into consult (case_id, expert_email, question, language, asked_by_user_id, asked_by_name,
                               asked_at, due_at, link_expires_at, message_id, status, mail_next_attempt_at)
                        values (:case, :expert, :question, :language, :askedBy, :askedByName, :askedAt, :dueAt,
                                :expires, :messageId, 'OPEN', :askedAt)
                        returning id""")
                .param("case", consult.caseId()).param("expert", consult.expertEmail())
                .param("question", consult.question()).param("language", consult.language())
                .param("askedBy", consult.askedByUserId(), java.sql.Types.BIGINT).param("askedByName", consult.askedBy())
                .param("askedAt", Timestamp.from(consult.askedAt())).param("dueAt", Timestamp.from(consult.dueAt()))
                .param("expires", Timestamp.from(consult.linkExpiresAt())).param("messageId", consult.messageId())
                .query(Long.class).single();
    }

    Optional<Consult> find(long id, Instant now) {
        return jdbc.sql("select * from consult where id = ?").param(id).query(mapper(now)).optional();
    }

    /** Locks the consult's row until the transaction ends: one answer, or one cancellation, wins. */
    Optional<Consult> lock(long id, Instant now) {
        return jdbc.sql("select * from consult where id = ? for update").param(id).query(mapper(now)).optional();
    }

    Optional<String> messageId(long id) {
        return jdbc.sql("select message_id from consult where id = ?").param(id).query(String.class).optional();
    }

    List<Consult> ofCase(long caseId, Instant now) {
        return jdbc.sql("select * from consult where case_id = ? order by asked_at, id").param(caseId)
                .query(mapper(now)).list();
    }

    /** Open consults, soonest due first; only those past their due time when {@code overdueOnly}. */
    List<Consult> open(boolean overdueOnly, Instant now, int limit) {
        return jdbc.sql("""
                        select * from consult where status = 'OPEN' and (not :overdueOnly or due_at < :now)
                        order by due_at, id limit :limit""")
                .param("overdueOnly", overdueOnly).param("now", Timestamp.from(now)).param("limit", limit)
                .query(mapper(now)).list();
    }

    long openOfCase(long caseId) {
        return jdbc.sql("select count(*) from consult where case_id = ? and status = 'OPEN'").param(caseId)
                .query(Long.class).single();
    }

    Optional<Long> byTokenHash(byte[] hash) {
        return jdbc.sql("select consult_id from consult_link where token_hash = ?").param(hash).query(Long.class).optional();
    }

    Optional<Long> byMessageIds(List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select id from consult where message_id = any(cast(? as text[])) order by id desc limit 1")
                .param(messageIds.toArray(String[]::new)).query(Long.class).optional();
    }

    void addLink(byte[] tokenHash, long consultId, Instant at) {
        jdbc.sql("insert into consult_link (token_hash, consult_id, created_at) values (?, ?, ?)")
                .params(tokenHash, consultId, Timestamp.from(at)).update();
    }

    void answered(long id, String answer, String answeredBy, Consult.AnsweredVia via, Instant at, long waitedMinutes) {
        jdbc.sql("""
                        update consult set status = 'ANSWERED', answer = ?, answered_by = ?, answered_via = ?,
                               answered_at = ?, waited_minutes = ? where id = ?""")
                .params(answer, answeredBy, via.name(), Timestamp.from(at), waitedMinutes, id).update();
    }

    void cancelled(long id, String by, Instant at) {
        jdbc.sql("update consult set status = 'CANCELLED', cancelled_by_name = ?, cancelled_at = ? where id = ?")
                .params(by, Timestamp.from(at), id).update();
    }

    // ---- the e-mail to the expert ----

    /** Reserves unsent e-mails of open consults for one attempt: due again after the lease unless recorded. */
    List<Long> claimMail(Instant now, Instant leaseEnd, int limit) {
        return jdbc.sql("""
                        update consult c set mail_next_attempt_at = :leaseEnd
                        from (select id from consult
                              where mail_state in ('PENDING', 'RETRYING') and status = 'OPEN' and mail_next_attempt_at <= :now
                              order by mail_next_attempt_at, id limit :limit for update skip locked) due
                        where c.id = due.id returning c.id""")
                .param("leaseEnd", Timestamp.from(leaseEnd)).param("now", Timestamp.from(now)).param("limit", limit)
                .query(Long.class).list();
    }

    void mailSent(long id, Instant at) {
        jdbc.sql("""
                        update consult set mail_state = 'SENT', mail_attempts = mail_attempts + 1, mail_sent_at = ?,
                               mail_last_error = null where id = ?""")
                .params(Timestamp.from(at), id).update();
    }

    int mailAttempts(long id) {
        return jdbc.sql("select mail_attempts from consult where id = ?").param(id).query(Integer.class).single();
    }

    /** Records a failed attempt: tried again at {@code next}, or given up when {@code next} is {@code null}. */
    void mailFailed(long id, String error, Instant next) {
        jdbc.sql("""
                        update consult set mail_state = :state, mail_attempts = mail_attempts + 1, mail_last_error = :error,
                               mail_next_attempt_at = coalesce(:next, mail_next_attempt_at) where id = :id""")
                .param("state", next == null ? "FAILED" : "RETRYING").param("error", error)
                .param("next", next == null ? null : Timestamp.from(next), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("id", id).update();
    }

    // ---- where reading the mailbox got to ----

    record MailboxCursor(long uidValidity, long lastUid) {
    }

    Optional<MailboxCursor> cursor() {
        return jdbc.sql("select uid_validity, last_uid from consult_mailbox where id = 1")
                .query((rs, n) -> new MailboxCursor(rs.getLong(1), rs.getLong(2))).optional();
    }

    void saveCursor(MailboxCursor cursor) {
        jdbc.sql("""
                        insert into consult_mailbox (id, uid_validity, last_uid) values (1, :validity, :uid)
                        on conflict (id) do update set uid_validity = excluded.uid_validity,
                            last_uid = case when consult_mailbox.uid_validity = excluded.uid_validity
                                            then greatest(consult_mailbox.last_uid, excluded.last_uid) else excluded.last_uid end""")
                .param("validity", cursor.uidValidity()).param("uid", cursor.lastUid()).update();
    }

    private static org.springframework.jdbc.core.RowMapper<Consult> mapper(Instant now) {
        return (rs, n) -> map(rs, now);
    }

    private static Consult map(ResultSet rs, Instant now) throws SQLException {
        ConsultStatus status = ConsultStatus.valueOf(rs.getString("status"));
        Instant dueAt = instant(rs, "due_at");
        String via = rs.getString("answered_via");
        return new Consult(rs.getLong("id"), rs.getLong("case_id"), rs.getString("expert_email"), rs.getString("question"),
                rs.getString("language"), rs.getObject("asked_by_user_id", Long.class), rs.getString("asked_by_name"),
                instant(rs, "asked_at"), dueAt, instant(rs, "link_expires_at"), status,
                status == ConsultStatus.OPEN && dueAt.isBefore(now), rs.getString("answer"), instant(rs, "answered_at"),
                rs.getString("answered_by"), via == null ? null : Consult.AnsweredVia.valueOf(via),
                rs.getObject("waited_minutes", Long.class), instant(rs, "cancelled_at"), rs.getString("cancelled_by_name"),
                Consult.MailState.valueOf(rs.getString("mail_state")), rs.getString("mail_last_error"),
                instant(rs, "mail_sent_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
