package org.webcare.alerting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends due alert deliveries.
 *
 * <p>A delivery is claimed by pushing its next attempt a lease ahead ({@code SKIP LOCKED}, so two nodes never claim
 * the same one), sent outside any transaction on a virtual thread of its own (a slow webhook holds up nothing else),
 * then marked sent, or due again after a backoff. A crash between sending and marking leaves the claim to run out,
 * after which the delivery is sent once more: at least once, and at most one extra copy per crash. E-mails carry a
 * Message-ID fixed per alert, so mail clients fold such a copy into the first.
 *
 * <p>E-mail digests due for the same window and the very same recipients go out as one message with a section per
 * query, so following five queries hourly means one mail an hour, not five.
 */
@Component
class AlertSender {

    private static final Logger log = LoggerFactory.getLogger(AlertSender.class);
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AlertSettings settings;
    private final Digests digests;
    private final AlertMail mail;
    private final WebhookCall webhooks;
    private final ObjectMapper json;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    AlertSender(JdbcClient jdbc, TransactionTemplate transactions, AlertSettings settings, Digests digests,
                AlertMail mail, WebhookCall webhooks, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.digests = digests;
        this.mail = mail;
        this.webhooks = webhooks;
        this.json = json;
    }

    /** Claims what is due at {@code now} and starts sending it; the futures end when each message is recorded. */
    List<Future<?>> dispatch(Instant now) {
        List<Future<?>> running = new ArrayList<>();
        for (List<Claimed> message : messages(claim(now))) {
            running.add(workers.submit(() -> send(message, now)));
        }
        return running;
    }

    /** Sends what is due at {@code now} and waits until every attempt is recorded. */
    int sendDue(Instant now) {
        List<Future<?>> running = dispatch(now);
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return running.size();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        workers.shutdown();
        if (!workers.awaitTermination(settings.requestTimeout().toMillis() + 1_000, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            log.warn("Alerts still being sent at shutdown are sent again after their lease on the next start");
        }
    }

    private List<Claimed> claim(Instant now) {
        return transactions.execute(status -> jdbc.sql("""
                        update alert_delivery d set next_attempt_at = cast(:now as timestamptz) + cast(:lease as interval)
                        from (
                            select id from alert_delivery
                            where state in ('PENDING', 'RETRYING') and next_attempt_at <= :now
                            order by next_attempt_at, id
                            limit :batch
                            for update skip locked
                        ) due
                        where d.id = due.id
                        returning d.id, d.alert_id, d.target, d.attempts
                        """)
                .param("now", Timestamp.from(now))
                .param("lease", settings.lease().toMillis() + " milliseconds")
                .param("batch", BATCH)
                .query((rs, n) -> new Claimed(rs.getLong("id"), rs.getLong("alert_id"),
                        AlertTarget.valueOf(rs.getString("target")), rs.getInt("attempts"), null))
                .list());
    }

    /** Loads each claimed delivery's alert and groups e-mail digests of one window and one set of recipients. */
    private List<List<Claimed>> messages(List<Claimed> claimed) {
        Map<String, List<Claimed>> messages = new LinkedHashMap<>();
        for (Claimed delivery : claimed.stream().sorted(Comparator.comparingLong(Claimed::alertId)).toList()) {
            Digests.StoredAlert alert = digests.alert(delivery.alertId()).orElse(null);
            if (alert == null) {
                continue;
            }
            Claimed loaded = delivery.with(alert);
            boolean digest = !alert.isCrisis() && alert.rule().cadence() != Cadence.INSTANT;
            String key = delivery.target() == AlertTarget.EMAIL && digest
                    ? "digest " + alert.rule().cadence() + " " + alert.windowEnd() + " " + alert.rule().emails().stream()
                            .map(email -> email.toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(","))
                    : "delivery " + delivery.id();
            messages.computeIfAbsent(key, k -> new ArrayList<>()).add(loaded);
        }
        return List.copyOf(messages.values());
    }

    private void send(List<Claimed> message, Instant now) {
        SendOutcome outcome;
        Claimed first = message.getFirst();
        try {
            List<Digests.StoredAlert> alerts = message.stream().map(Claimed::alert).toList();
            Digest digest = first.alert().isCrisis() ? digests.crisis(first.alert()) : digests.matches(alerts);
            String key = message.stream().map(claimed -> String.valueOf(claimed.alertId())).collect(Collectors.joining("."));
            outcome = switch (first.target()) {
                case EMAIL -> mail.send(digest, first.alert().rule().emails(), key);
                case WEBHOOK -> webhooks.post(first.alert().rule().webhookUrl(), SlackMessage.json(digest, json));
            };
        } catch (RuntimeException e) {
            log.warn("Alert delivery {} failed unexpectedly", first.id(), e);
            outcome = new SendOutcome.Retry("Unexpected error: " + e.getMessage());
        }
        record(message, outcome, now);
    }

    private void record(List<Claimed> message, SendOutcome outcome, Instant now) {
        int attempts = message.stream().mapToInt(Claimed::attempts).max().orElse(0) + 1;
        String state;
        String error = null;
        Instant next = now;
        switch (outcome) {
            case SendOutcome.Sent sent -> state = "SENT";
            case SendOutcome.Failed failed -> {
                state = "FAILED";
                error = failed.reason();
            }
            case SendOutcome.Retry retry -> {
                error = retry.reason();
                if (attempts >= settings.maxAttempts()) {
                    state = "FAILED";
                    error = error + " (gave up after " + attempts + " attempts)";
                } else {
                    state = "RETRYING";
                    next = now.plus(settings.retryDelay(attempts, ThreadLocalRandom.current().nextDouble()));
                }
            }
        }
        String finalState = state;
        String finalError = error;
        Instant finalNext = next;
        List<Long> ids = message.stream().map(Claimed::id).toList();
        transactions.executeWithoutResult(status -> jdbc.sql("""
                        update alert_delivery
                        set state = :state, attempts = :attempts, last_error = :error, next_attempt_at = :next,
                            sent_at = case when :state = 'SENT' then now() else sent_at end
                        where id in (:ids) and state <> 'SENT'
                        """)
                .param("state", finalState).param("attempts", attempts).param("error", finalError)
                .param("next", Timestamp.from(finalNext)).param("ids", ids)
                .update());
        if (finalError != null) {
            log.warn("Alert {} by {}: {}", ids, first(message).target(), finalError);
        }
    }

    private static Claimed first(List<Claimed> message) {
        return message.getFirst();
    }

    private record Claimed(long id, long alertId, AlertTarget target, int attempts, Digests.StoredAlert alert) {

        Claimed with(Digests.StoredAlert loaded) {
            return new Claimed(id, alertId, target, attempts, loaded);
        }
    }
}
