package org.webcare.alerting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes windows: turns a rule's pending matches into one alert when its window allows, so nobody is flooded.
 *
 * <p>Instant rules: the first match is alerted at once and opens a quiet window; matches during it wait and are
 * alerted together when it ends (which opens the next quiet window). Hourly and daily rules: once an hour or day in
 * Webcare's time zone has ended, everything that matched before its end goes out as one digest; a match whose
 * transaction committed after its window was closed joins the next window instead of being lost.
 *
 * <p>Each rule is closed in its own transaction holding the rule's row lock, and the alert's unique
 * (rule, window end) index turns a second attempt at the same window into a no-op, also across nodes.
 */
@Component
class AlertWindows {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AlertSettings settings;
    private final ZoneId zone;

    AlertWindows(JdbcClient jdbc, TransactionTemplate transactions, AlertSettings settings,
                 @Value("${webcare.time-zone:Europe/Amsterdam}") String zone) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.zone = ZoneId.of(zone);
    }

    /** Closes every window that has ended by {@code now}; returns how many alerts were created. */
    int close(Instant now) {
        List<Long> rules = jdbc.sql("select distinct rule_id from alert_item where alert_id is null and matched_at <= ?")
                .param(Timestamp.from(now)).query(Long.class).list();
        int created = 0;
        for (long ruleId : rules) {
            Boolean alerted = transactions.execute(status -> closeRule(ruleId, now));
            created += Boolean.TRUE.equals(alerted) ? 1 : 0;
        }
        return created;
    }

    private boolean closeRule(long ruleId, Instant now) {
        AlertRule rule = jdbc.sql("select * from alert_rule where id = ? for update").param(ruleId)
                .query(AlertRules::rule).optional().orElse(null);
        if (rule == null) {
            return false;
        }
        Instant start;
        Instant end;
        Instant before;
        if (rule.cadence() == Cadence.INSTANT) {
            Instant earliest = earliestPending(ruleId, now.plusNanos(1));
            Instant quietUntil = jdbc.sql("select max(window_end) from alert where rule_id = ? and kind = 'MATCHES'")
                    .param(ruleId).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
            if (earliest == null || (quietUntil != null && now.isBefore(quietUntil))) {
                return false;
            }
            start = quietUntil == null || earliest.isAfter(quietUntil) ? earliest : quietUntil;
            end = start.plus(settings.instantWindow());
            before = now.plusNanos(1);
        } else {
            before = DigestWindow.containing(rule.cadence(), now, zone).start();
            Instant earliest = earliestPending(ruleId, before);
            if (earliest == null) {
                return false;
            }
            start = DigestWindow.containing(rule.cadence(), earliest, zone).start();
            end = before;
        }
        Long alertId = jdbc.sql("""
                        insert into alert (rule_id, kind, window_start, window_end) values (?, 'MATCHES', ?, ?)
                        on conflict do nothing returning id
                        """)
                .params(ruleId, Timestamp.from(start), Timestamp.from(end)).query(Long.class).optional().orElse(null);
        if (alertId == null) {
            return false;
        }
        jdbc.sql("update alert_item set alert_id = ? where rule_id = ? and alert_id is null and matched_at < ?")
                .params(alertId, ruleId, Timestamp.from(before)).update();
        addDeliveries(jdbc, alertId, rule, now);
        return true;
    }

    private Instant earliestPending(long ruleId, Instant before) {
        return jdbc.sql("select min(matched_at) from alert_item where rule_id = ? and alert_id is null and matched_at < ?")
                .params(ruleId, Timestamp.from(before)).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
    }

    /** One delivery per way the rule reaches people, each retried on its own. */
    static void addDeliveries(JdbcClient jdbc, long alertId, AlertRule rule, Instant due) {
        if (!rule.emails().isEmpty()) {
            addDelivery(jdbc, alertId, AlertTarget.EMAIL, due);
        }
        if (rule.webhookUrl() != null) {
            addDelivery(jdbc, alertId, AlertTarget.WEBHOOK, due);
        }
    }

    private static void addDelivery(JdbcClient jdbc, long alertId, AlertTarget target, Instant due) {
        jdbc.sql("""
                        insert into alert_delivery (alert_id, target, state, next_attempt_at) values (?, ?, 'PENDING', ?)
                        on conflict do nothing
                        """)
                .params(alertId, target.name(), Timestamp.from(due)).update();
    }
}
