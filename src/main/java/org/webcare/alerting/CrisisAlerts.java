package org.webcare.alerting;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.crisis.CrisisDetected;
import tools.jackson.databind.ObjectMapper;

/**
 * Raises a crisis alert for every rule of the crisis's brand or query, due at once whatever the rule's cadence: a
 * crisis does not wait for a digest.
 *
 * <p>A plain {@link EventListener} joins the detector's transaction, so the alert is recorded exactly when the
 * crisis is; the unique (rule, crisis, level) index keeps a re-published event from alerting twice.
 */
@Component
class CrisisAlerts {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    CrisisAlerts(JdbcClient jdbc, ObjectMapper json, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @EventListener
    @Transactional
    void on(CrisisDetected crisis) {
        String column = crisis.scope() == CrisisDetected.Scope.BRAND ? "brand_id" : "query_id";
        List<AlertRule> rules = jdbc.sql("select * from alert_rule where " + column + " = ?").param(crisis.scopeId())
                .query(AlertRules::rule).list();
        for (AlertRule rule : rules) {
            Long alertId = jdbc.sql("""
                            insert into alert (rule_id, kind, window_start, window_end, crisis_id, crisis_level, crisis)
                            values (?, 'CRISIS', ?, ?, ?, ?, cast(? as jsonb))
                            on conflict do nothing returning id
                            """)
                    .params(rule.id(), Timestamp.from(crisis.detectedAt()), Timestamp.from(crisis.detectedAt()),
                            crisis.crisisId(), crisis.level(), json.writeValueAsString(crisis))
                    .query(Long.class).optional().orElse(null);
            if (alertId != null) {
                AlertWindows.addDeliveries(jdbc, alertId, rule, clock.instant());
            }
        }
    }
}
