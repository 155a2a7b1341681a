package org.webcare.sla;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.cases.Cases;
import org.webcare.identity.Users;
import org.webcare.identity.WebcareUser;

/**
 * Tells warnings and breaches to the people who can act: the case's agent and the team leads, in the app. Written in
 * the transaction that claimed the clock, so a notification exists exactly when the event was published.
 */
@Service
public class SlaNotifications {

    private final JdbcClient jdbc;
    private final Cases cases;
    private final Users users;

    SlaNotifications(JdbcClient jdbc, Cases cases, Users users) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.users = users;
    }

    @EventListener
    void on(SlaWarning warning) {
        tell(warning.clockId(), warning.caseId(), "warning", warning.at());
    }

    @EventListener
    void on(SlaBreached breach) {
        tell(breach.clockId(), breach.caseId(), "breach", breach.at());
    }

    private void tell(long clockId, long caseId, String kind, Instant at) {
        Set<Long> recipients = new LinkedHashSet<>();
        cases.find(caseId).map(c -> c.assigneeId()).ifPresent(recipients::add);
        users.all().stream().filter(u -> u.role().leads()).map(WebcareUser::id).forEach(recipients::add);
        for (long userId : recipients) {
            jdbc.sql("""
                    insert into sla_notification (user_id, clock_id, case_id, kind, created_at) values (?, ?, ?, ?, ?)
                    on conflict do nothing""").params(userId, clockId, caseId, kind, Timestamp.from(at)).update();
        }
    }

    public List<SlaNotification> of(long userId, int limit) {
        return jdbc.sql("""
                select n.*, k.kind as clock_kind, k.due_at from sla_notification n join sla_clock k on k.id = n.clock_id
                where n.user_id = ? order by n.created_at desc, n.id desc limit ?""").params(userId, limit)
                .query((rs, i) -> new SlaNotification(rs.getLong("id"), rs.getLong("case_id"), rs.getString("kind"),
                        rs.getString("clock_kind"), rs.getTimestamp("due_at").toInstant(),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null))
                .list();
    }

    public int unread(long userId) {
        return jdbc.sql("select count(*) from sla_notification where user_id = ? and read_at is null").param(userId)
                .query(Integer.class).single();
    }

    @Transactional
    public void markRead(long userId) {
        jdbc.sql("update sla_notification set read_at = now() where user_id = ? and read_at is null").param(userId).update();
    }
}
