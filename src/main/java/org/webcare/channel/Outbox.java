package org.webcare.channel;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The transactional outbox: messages recorded here in the caller's transaction are delivered through their channel
 * at least once, each with an idempotency key the receiver can use to drop duplicates.
 */
@Service
public class Outbox {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Outbox(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records a message for delivery; must join the transaction that records what it carries. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Delivery enqueue(long channelId, Map<String, Object> payload) {
        return insert(channelId, payload, DeliveryState.QUEUED, null);
    }

    /** Records a message that was already delivered outside Webcare (history imports, demo data). */
    @Transactional
    public Delivery recordDelivered(long channelId, Map<String, Object> payload, Instant sentAt) {
        return insert(channelId, payload, DeliveryState.SENT, sentAt);
    }

    private Delivery insert(long channelId, Map<String, Object> payload, DeliveryState state, Instant sentAt) {
        UUID key = UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idempotencyKey", key.toString());
        body.putAll(payload);
        return jdbc.sql("""
                        insert into outbound_message (channel_id, idempotency_key, payload, state, sent_at, created_at)
                        values (?, ?, cast(? as jsonb), ?, ?, coalesce(?, now()))
                        returning *
                        """)
                .params(channelId, key, json.writeValueAsString(body), state.name(),
                        sentAt == null ? null : java.sql.Timestamp.from(sentAt),
                        sentAt == null ? null : java.sql.Timestamp.from(sentAt))
                .query(OutboxRows::delivery).single();
    }

    public Map<Long, Delivery> deliveries(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        List<Delivery> found = jdbc.sql("select * from outbound_message where id in (:ids)").param("ids", messageIds)
                .query(OutboxRows::delivery).list();
        return found.stream().collect(Collectors.toMap(Delivery::messageId, Function.identity()));
    }

    /** Tries a failed message again from now on, with a fresh count of attempts. */
    @Transactional
    public boolean retry(long messageId) {
        return jdbc.sql("""
                        update outbound_message set state = 'RETRYING', attempts = 0, next_attempt_at = now()
                        where id = ? and state = 'FAILED'
                        """).param(messageId).update() == 1;
    }
}
