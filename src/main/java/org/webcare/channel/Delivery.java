package org.webcare.channel;

import java.time.Instant;
import java.util.UUID;

/**
 * The delivery of one outbound message.
 *
 * @param lastError why the last attempt failed, or {@code null}
 * @param nextAttemptAt when the next attempt is due (for {@link DeliveryState#QUEUED} and {@link DeliveryState#RETRYING})
 */
public record Delivery(long messageId, UUID idempotencyKey, DeliveryState state, int attempts, String lastError,
                       Instant nextAttemptAt, Instant sentAt) {
}
