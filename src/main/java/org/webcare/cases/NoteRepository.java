package org.webcare.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of internal notes and mentions. Callers hold the transaction. */
@Repository
class NoteRepository {

    private static final String SELECT_MENTION = """
            select m.id, m.case_id, m.note_id, m.created_at, m.read_at, n.author_name, n.text,
                   coalesce(sc.customer_name, sc.customer_handle) as customer
            from case_mention m
            join case_note n on n.id = m.note_id
            join support_case sc on sc.id = m.case_id
            """;

    private final JdbcClient jdbc;

    NoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long caseId, Long authorUserId, String authorName, String text, Long consultId, Instant at) {
        return jdbc.sql("""
                        insert into case_note (case_id, author_user_id, author_name, text, consult_id, created_at)
                        values (:case, :author, :authorName, :text, :consult, :at) returning id""")
                .param("case", caseId).param("author", authorUserId, java.sql.Types.BIGINT).param("authorName", authorName)
                .param("text", text).param("consult", consultId, java.sql.Types.BIGINT).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    void mention(long noteId, long caseId, long userId, Instant at) {
        jdbc.sql("""
                        insert into case_mention (note_id, case_id, user_id, created_at) values (?, ?, ?, ?)
                        on conflict (note_id, user_id) do nothing""")
                .params(noteId, caseId, userId, Timestamp.from(at)).update();
    }

    /** The case's notes, oldest first, each with the names of the colleagues it mentions. */
    List<CaseNote> notes(long caseId) {
        Map<Long, List<String>> mentioned = new HashMap<>();
        jdbc.sql("""
                        select m.note_id, u.display_name from case_mention m join app_user u on u.id = m.user_id
                        where m.case_id = ? order by m.id""")
                .param(caseId)
                .query((ResultSet rs) -> {
                    mentioned.computeIfAbsent(rs.getLong("note_id"), id -> new ArrayList<>()).add(rs.getString("display_name"));
                });
        return jdbc.sql("select * from case_note where case_id = ? order by created_at, id").param(caseId)
                .query((rs, n) -> new CaseNote(rs.getLong("id"), rs.getLong("case_id"),
                        rs.getObject("author_user_id", Long.class), rs.getString("author_name"), rs.getString("text"),
                        rs.getTimestamp("created_at").toInstant(), rs.getObject("consult_id", Long.class),
                        List.copyOf(mentioned.getOrDefault(rs.getLong("id"), List.of()))))
                .list();
    }

    /** A user's mentions: unread first, then newest first. */
    List<Mention> mentionsOf(long userId, int limit) {
        return jdbc.sql(SELECT_MENTION + " where m.user_id = ? order by m.read_at is not null, m.created_at desc, m.id desc limit ?")
                .params(userId, limit).query(NoteRepository::mapMention).list();
    }

    Optional<Mention> mentionOf(long mentionId, long userId) {
        return jdbc.sql(SELECT_MENTION + " where m.id = ? and m.user_id = ?").params(mentionId, userId)
                .query(NoteRepository::mapMention).optional();
    }

    long unread(long userId) {
        return jdbc.sql("select count(*) from case_mention where user_id = ? and read_at is null").param(userId)
                .query(Long.class).single();
    }

    /** Marks the user's mention read (the first time counts); other users' mentions are left alone. */
    int markRead(long mentionId, long userId, Instant at) {
        return jdbc.sql("update case_mention set read_at = coalesce(read_at, ?) where id = ? and user_id = ?")
                .params(Timestamp.from(at), mentionId, userId).update();
    }

    private static Mention mapMention(ResultSet rs, int row) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new Mention(rs.getLong("id"), rs.getLong("case_id"), rs.getString("customer"), rs.getLong("note_id"),
                rs.getString("author_name"), rs.getString("text"), rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
