package org.webcare.channel;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
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
 * nodes never claim the same one); the platform call happens outside any transaction, on the channel's own worker. If Webcare dies during the
 * call the lease runs out and the message is tried again with the same idempotency key: at least once, never lost.
 */
@Component
@ConditionalOnProperty(name = "webcare.workers", havingValue = "true", matchIfMissing = true)
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 50;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Channels channels;
    private final Map<ChannelType, ReplySink> sinks = new EnumMap<>(ChannelType.class);
    private final OutboxSettings settings;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final Set<Long> busyChannels = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ConnectorReplies connectorReplies;

    OutboxDispatcher(JdbcClient jdbc, TransactionTemplate transactions, Channels channels, List<ReplySink> sinks,
                     ConnectorReplies connectorReplies, OutboxSettings settings, ApplicationEventPublisher events,
                     MeterRegistry meters) {
        this.jdbc = jdbc;
        this.connectorReplies = connectorReplies;
        this.transactions = transactions;
        this.channels = channels;
        sinks.forEach(sink -> this.sinks.put(sink.type(), sink));
        this.settings = settings;
        this.events = events;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${webcare.outbox.poll-interval:500ms}", initialDelayString = "${webcare.outbox.poll-interval:500ms}")
    void deliverDue() {
        Map<Long, List<Claimed>> byChannel = claim().stream()
                .collect(Collectors.groupingBy(Claimed::channelId, LinkedHashMap::new, Collectors.toList()));
        byChannel.forEach((channelId, messages) -> {
            busyChannels.add(channelId);
            workers.submit(() -> {
                try {
                    messages.forEach(this::deliver);
                } finally {
                    busyChannels.remove(channelId);
                }
            });
        });
    }

    /** Lets deliveries under way finish (each is bounded by the request time-out) before the database goes. */
    @PreDestroy
    void stop() throws InterruptedException {
        workers.shutdown();
        if (!workers.awaitTermination(settings.requestTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
            log.warn("Deliveries still under way at shutdown are retried after their lease on the next start");
        }
    }

    /**
     * Claims due messages of channels this node is not delivering to right now. Each channel is served by its own
     * virtual thread, one message after the other, so a slow or unreachable receiver holds up only its own channel.
     */
    private List<Claimed> claim() {
        String busy = busyChannels.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        return transactions.execute(status -> jdbc.sql("""
                        update outbound_message m set next_attempt_at = now() + cast(:lease as interval)
                        from (
                            select id from outbound_message
                            where state in ('QUEUED', 'RETRYING') and next_attempt_at <= now()
                              and not (channel_id = any(cast(:busy as bigint[])))
                            order by next_attempt_at
                            limit :batch
                            for update skip locked
                        ) due
                        where m.id = due.id
                        returning m.id, m.channel_id, m.idempotency_key, m.payload::text as payload, m.attempts
                        """)
                .param("lease", settings.lease().toMillis() + " milliseconds")
                .param("busy", busy)
                .param("batch", BATCH)
                .query((rs, n) -> new Claimed(rs.getLong("id"), rs.getLong("channel_id"), rs.getString("idempotency_key"),
                        rs.getString("payload"), rs.getInt("attempts")))
                .list())
                .stream().sorted(java.util.Comparator.comparingLong(Claimed::id)).toList();
    }

    private void deliver(Claimed message) {
        DeliveryOutcome outcome;
        Channel channel = channels.channel(message.channelId()).orElse(null);
        ReplySink sink = channel == null ? null : sinks.get(channel.type());
        if (sink == null && channel != null && connectorReplies.handles(channel.type())) {
            outcome = connectorReplies.deliver(channel, message.idempotencyKey(), message.payload().getBytes(StandardCharsets.UTF_8));
        } else if (sink == null) {
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
