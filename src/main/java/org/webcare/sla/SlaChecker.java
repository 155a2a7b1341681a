package org.webcare.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Watches running clocks and publishes {@link SlaWarning} and {@link SlaBreached}, each once per clock: a clock's row is
 * claimed ({@code for update skip locked}) and marked sent in the transaction that publishes, so several nodes and
 * restarts never announce it twice. A paused clock neither warns nor breaches until it runs again.
 */
@Component
public class SlaChecker {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SlaChecker(JdbcClient jdbc, ApplicationEventPublisher events, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Scheduled(fixedDelayString = "${webcare.sla.check-interval:PT30S}", initialDelayString = "${webcare.sla.check-interval:PT30S}")
    void scheduled() {
        check(clock.instant());
    }

    /** Announces what is due as of {@code now}; returns how many warnings and breaches it published. */
    @Transactional
    public int check(Instant now) {
        Timestamp at = Timestamp.from(now);
        // A clock past its due time is announced as breached only: a warning after the fact helps nobody.
        List<SlaClock> warned = jdbc.sql("""
                select * from sla_clock where warning_sent_at is null and breach_sent_at is null and stopped_at is null
                  and paused_since is null and warn_at <= ? and due_at > ?
                order by warn_at limit 500 for update skip locked""").params(at, at).query(SlaClocks::row).list();
        for (SlaClock due : warned) {
            jdbc.sql("update sla_clock set warning_sent_at = ? where id = ?").params(at, due.id()).update();
            events.publishEvent(new SlaWarning(due.id(), due.caseId(), due.kind(), due.dueAt(), now));
        }
        List<SlaClock> breached = jdbc.sql("""
                select * from sla_clock where breach_sent_at is null and due_at <= ?
                  and ((stopped_at is null and paused_since is null) or stopped_at > due_at)
                order by due_at limit 500 for update skip locked""").param(at).query(SlaClocks::row).list();
        for (SlaClock late : breached) {
            jdbc.sql("update sla_clock set breach_sent_at = ? where id = ?").params(at, late.id()).update();
            events.publishEvent(new SlaBreached(late.id(), late.caseId(), late.kind(), late.dueAt(), now));
        }
        return warned.size() + breached.size();
    }
}
