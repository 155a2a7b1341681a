package org.webcare.staffing;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.webcare.routing.AgentStatus;
import org.webcare.routing.AgentStatusChanged;

/**
 * Keeps when agents were available, from their status changes, for the schedule row of the staffing advice. Runs in
 * the transaction that changed the status, so the history and the status never disagree.
 */
@Component
class AvailabilityLog {

    private final JdbcClient jdbc;

    AvailabilityLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(AgentStatusChanged changed) {
        Timestamp now = Timestamp.from(Instant.now());
        if (changed.to() == AgentStatus.AVAILABLE) {
            jdbc.sql("""
                            insert into staffing_availability (user_id, available_from) values (:user, :now)
                            on conflict (user_id) where available_until is null do nothing""")
                    .param("user", changed.userId()).param("now", now).update();
        } else {
            jdbc.sql("update staffing_availability set available_until = :now where user_id = :user and available_until is null")
                    .param("user", changed.userId()).param("now", now).update();
        }
    }
}
