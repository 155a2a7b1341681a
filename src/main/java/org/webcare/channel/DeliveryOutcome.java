package org.webcare.channel;

import java.time.Duration;

/** What one delivery attempt came to. */
sealed interface DeliveryOutcome {

    record Delivered() implements DeliveryOutcome {
    }

    /** Worth trying again: a timeout, a refused connection, a 5xx or a 429. */
    record Transient(String reason, Duration retryAfter) implements DeliveryOutcome {
    }

    /** Will fail the same way every time: the receiver refused the message itself. */
    record Permanent(String reason) implements DeliveryOutcome {
    }
}
