package org.webcare.incidents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The incident tables. Callers hold the transaction. */
@Repository
class IncidentRepository {

    private static final String SELECT = """
            select i.*, b.name as brand_name,
                   (select count(*) from incident_case ic where ic.incident_id = i.id) as case_count
            from incident i join brand b on b.id = i.brand_id
            """;

    private final JdbcClient jdbc;

    IncidentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long brandId, String title, String description, String holdingStatement, Long userId, String userName) {
        return jdbc.sql("""
                        insert into incident (brand_id, title, description, holding_statement, status, created_by_user_id,
                                              created_by_name)
                        values (?, ?, ?, ?, 'OPEN', ?, ?) returning id""")
                .params(brandId, title, description, holdingStatement, userId, userName).query(Long.class).single();
    }

    Optional<Incident> find(long id) {
        return jdbc.sql(SELECT + " where i.id = ?").param(id).query(IncidentRepository::map).optional();
    }

    /** Locks the incident's row until the transaction ends: linking, resolving and deleting happen one at a time. */
    Optional<Incident> lock(long id) {
        jdbc.sql("select id from incident where id = ? for update").param(id).query(Long.class).optional();
        return find(id);
    }

    /** Open ones first, then newest first. */
    List<Incident> list(IncidentStatus status, Long brandId, int limit) {
        return jdbc.sql(SELECT + """
                         where (cast(:status as text) is null or i.status = :status)
                           and (cast(:brand as bigint) is null or i.brand_id = :brand)
                         order by i.status = 'OPEN' desc, i.created_at desc, i.id desc limit :limit""")
                .param("status", status == null ? null : status.name(), Types.VARCHAR)
                .param("brand", brandId, Types.BIGINT).param("limit", limit)
                .query(IncidentRepository::map).list();
    }

    void update(long id, String title, String description, String holdingStatement) {
        jdbc.sql("update incident set title = ?, description = ?, holding_statement = ? where id = ?")
                .params(title, description, holdingStatement, id).update();
    }

    void resolve(long id, String statement, boolean resolveCases, Long userId, String userName, Instant at) {
        jdbc.sql("""
                        update incident set status = 'RESOLVED', resolution_statement = ?, resolve_cases = ?,
                               resolved_by_user_id = ?, resolved_by_name = ?, resolved_at = ? where id = ?""")
                .params(statement, resolveCases, userId, userName, Timestamp.from(at), id).update();
        jdbc.sql("update incident_case set incident_open = false where incident_id = ?").param(id).update();
    }

    void delete(long id) {
        jdbc.sql("delete from incident_refusal where incident_id = ?").param(id).update();
        jdbc.sql("delete from incident_case where incident_id = ?").param(id).update();
        jdbc.sql("delete from incident where id = ?").param(id).update();
    }

    // ---- cases ----

    void addCase(long incidentId, long caseId, Long userId, String userName) {
        jdbc.sql("""
                        insert into incident_case (incident_id, case_id, added_by_user_id, added_by_name)
                        values (?, ?, ?, ?)""")
                .params(incidentId, caseId, userId, userName).update();
    }

    boolean removeCase(long incidentId, long caseId) {
        jdbc.sql("delete from incident_refusal where incident_id = ? and case_id = ?").params(incidentId, caseId).update();
        return jdbc.sql("delete from incident_case where incident_id = ? and case_id = ?").params(incidentId, caseId).update() > 0;
    }

    boolean contains(long incidentId, long caseId) {
        return jdbc.sql("select exists (select 1 from incident_case where incident_id = ? and case_id = ?)")
                .params(incidentId, caseId).query(Boolean.class).single();
    }

    /** The incident's cases, oldest linked first. */
    List<Membership> cases(long incidentId) {
        return jdbc.sql("select * from incident_case where incident_id = ? order by added_at, case_id").param(incidentId)
                .query((rs, n) -> new Membership(rs.getLong("case_id"), rs.getTimestamp("added_at").toInstant(),
                        rs.getString("added_by_name")))
                .list();
    }

    /** The open incident the case is part of, if any. */
    Optional<Long> openIncidentOf(long caseId) {
        return jdbc.sql("select incident_id from incident_case where case_id = ? and incident_open").param(caseId)
                .query(Long.class).optional();
    }

    /** Every incident the case was part of, open first, then newest first. */
    List<Long> incidentsOf(long caseId) {
        return jdbc.sql("""
                        select ic.incident_id from incident_case ic join incident i on i.id = ic.incident_id
                        where ic.case_id = ? order by ic.incident_open desc, i.created_at desc, i.id desc""")
                .param(caseId).query(Long.class).list();
    }

    // ---- statements ----

    boolean anyStatementSent(long incidentId) {
        return jdbc.sql("select exists (select 1 from incident_statement where incident_id = ?)").param(incidentId)
                .query(Boolean.class).single();
    }

    boolean statementSent(long incidentId, long caseId, StatementKind kind) {
        return jdbc.sql("select exists (select 1 from incident_statement where incident_id = ? and case_id = ? and kind = ?)")
                .params(incidentId, caseId, kind.name()).query(Boolean.class).single();
    }

    /** Fails with a duplicate key when the case already had this statement: the caller's transaction then sends nothing. */
    void recordSent(long incidentId, long caseId, StatementKind kind, long replyId) {
        jdbc.sql("insert into incident_statement (incident_id, case_id, kind, reply_id) values (?, ?, ?, ?)")
                .params(incidentId, caseId, kind.name(), replyId).update();
        jdbc.sql("delete from incident_refusal where incident_id = ? and case_id = ? and kind = ?")
                .params(incidentId, caseId, kind.name()).update();
    }

    void recordRefusal(long incidentId, long caseId, StatementKind kind, String reason) {
        jdbc.sql("""
                        insert into incident_refusal (incident_id, case_id, kind, reason) values (?, ?, ?, ?)
                        on conflict (incident_id, case_id, kind) do update set reason = excluded.reason, at = now()""")
                .params(incidentId, caseId, kind.name(), reason).update();
    }

    /** Sent statements by case id. */
    Map<Long, Sent> sent(long incidentId, StatementKind kind) {
        Map<Long, Sent> sent = new LinkedHashMap<>();
        jdbc.sql("select case_id, reply_id, sent_at from incident_statement where incident_id = ? and kind = ?")
                .params(incidentId, kind.name())
                .query(rs -> {
                    sent.put(rs.getLong("case_id"), new Sent(rs.getLong("reply_id"), rs.getTimestamp("sent_at").toInstant()));
                });
        return sent;
    }

    /** The last refusals by case id. */
    Map<Long, Refusal> refusals(long incidentId, StatementKind kind) {
        Map<Long, Refusal> refusals = new LinkedHashMap<>();
        jdbc.sql("select case_id, reason, at from incident_refusal where incident_id = ? and kind = ?")
                .params(incidentId, kind.name())
                .query(rs -> {
                    refusals.put(rs.getLong("case_id"), new Refusal(rs.getString("reason"), rs.getTimestamp("at").toInstant()));
                });
        return refusals;
    }

    record Membership(long caseId, Instant addedAt, String addedByName) {
    }

    record Sent(long replyId, Instant at) {
    }

    record Refusal(String reason, Instant at) {
    }

    private static Incident map(ResultSet rs, int row) throws SQLException {
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        return new Incident(rs.getLong("id"), rs.getLong("brand_id"), rs.getString("brand_name"), rs.getString("title"),
                rs.getString("description"), rs.getString("holding_statement"), rs.getString("resolution_statement"),
                IncidentStatus.valueOf(rs.getString("status")), rs.getBoolean("resolve_cases"),
                rs.getString("created_by_name"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("resolved_by_name"), resolvedAt == null ? null : resolvedAt.toInstant(),
                rs.getInt("case_count"));
    }
}
