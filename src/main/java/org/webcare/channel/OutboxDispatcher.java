package org.webcare.channel;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due outbox messages through their channel's {@link ReplySink}.
 *
 * <p>A message is claimed by pushing its next attempt a lease into the future (with {@code SKIP LOCKED}, so several
 * nodes never claim the same one); the platform call happens outside any transaction. If Webcare dies during the
 * call the lease runs out and the message is tried again with the same idempotency key: at least once, never lost.
 */
@Component
@ConditionalOnProperty(name = "webcare.workers", havingValue = "true", matchIfMissing = true)
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Channels channels;
    private final Map<ChannelType, ReplySink> sinks = new EnumMap<>(ChannelType.class);
    private final OutboxSettings settings;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;

    OutboxDispatcher(JdbcClient jdbc, TransactionTemplate transactions, Channels channels, List<ReplySink> sinks,
                     OutboxSettings settings, ApplicationEventPublisher events, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.channels = channels;
        sinks.forEach(sink -> this.sinks.put(sink.type(), sink));
        this.settings = settings;
        this.events = events;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${webcare.outbox.poll-interval:500ms}", initialDelayString = "${webcare.outbox.poll-interval:500ms}")
    void deliverDue() {
        List<Claimed> claimed;
        do {
            claimed = claim();
            claimed.forEach(this::deliver);
        } while (claimed.size() == BATCH);
    }

    private List<Claimed> claim() {
        return transactions.execute(status -> jdbc.sql("""
                        update outbound_message m set next_attempt_at = now() + cast(:lease as interval)
                        from (
                            select id from outbound_message
                            where state in ('QUEUED', 'RETRYING') and next_attempt_at <= now()
                            order by next_attempt_at
                            limit :batch
                            for update skip locked
                        ) due
                        where m.id = due.id
                        returning m.id, m.channel_id, m.idempotency_key, m.payload::text as payload, m.attempts
                        """)
                .param("lease", settings.lease().toMillis() + " milliseconds")
                .param("batch", BATCH)
                .query((rs, n) -> new Claimed(rs.getLong("id"), rs.getLong("channel_id"), rs.getString("idempotency_key"),
                        rs.getString("payload"), rs.getInt("attempts")))
                .list());
    }

    private void deliver(Claimed message) {
        DeliveryOutcome outcome;
        Channel channel = channels.channel(message.channelId()).orElse(null);
        ReplySink sink = channel == null ? null : sinks.get(channel.type());
        if (sink == null) {
            outcome = new DeliveryOutcome.Permanent("No way to deliver to this channel");
        } else {
            try {
                outcome = sink.deliver(channel, channels.secret(channel.id()).orElseThrow(), message.idempotencyKey(),
                        message.payload().getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                log.warn("Delivery of outbound message {} failed unexpectedly", message.id(), e);
                outcome = new DeliveryOutcome.Transient("Unexpected error: " + e.getMessage(), null);
            }
        }
        record(message, outcome);
    }

    private void record(Claimed message, DeliveryOutcome outcome) {
        int attempts = message.attempts() + 1;
        DeliveryState state;
        String error = null;
        Instant next = Instant.now();
        switch (outcome) {
            case DeliveryOutcome.Delivered delivered -> state = DeliveryState.SENT;
            case DeliveryOutcome.Permanent permanent -> {
                state = DeliveryState.FAILED;
                error = permanent.reason();
            }
            case DeliveryOutcome.Transient failure -> {
                error = failure.reason();
                if (attempts >= settings.maxAttempts()) {
                    state = DeliveryState.FAILED;
                    error = error + " (gave up after " + attempts + " attempts)";
                } else {
                    state = DeliveryState.RETRYING;
                    Duration delay = settings.retryDelay(attempts, ThreadLocalRandom.current().nextDouble());
                    if (failure.retryAfter() != null && failure.retryAfter().compareTo(delay) > 0) {
                        delay = failure.retryAfter().compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : failure.retryAfter();
                    }
                    next = next.plus(delay);
                }
            }
        }
        DeliveryState finalState = state;
        String finalError = error;
        Instant finalNext = next;
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                            update outbound_message
                            set state = :state, attempts = :attempts, last_error = :error, next_attempt_at = :next,
                                sent_at = case when :state = 'SENT' then now() else sent_at end
                            where id = :id
                            """)
                    .param("state", finalState.name()).param("attempts", attempts).param("error", finalError)
                    .param("next", Timestamp.from(finalNext)).param("id", message.id())
                    .update();
            events.publishEvent(new DeliveryChanged(message.id(), message.channelId(), finalState));
        });
        meters.counter("webcare.outbox.attempts", "outcome", finalState.name().toLowerCase(java.util.Locale.ROOT)).increment();
        if (finalState == DeliveryState.FAILED) {
            log.warn("Outbound message {} failed: {}", message.id(), finalError);
        }
    }

    private record Claimed(long id, long channelId, String idempotencyKey, String payload, int attempts) {
    }
}
