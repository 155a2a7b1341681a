package org.webcare.channel;

import java.time.Duration;

/** Why a connector could not do what the runtime asked; the runtime decides when to try again. */
public abstract sealed class ConnectorException extends Exception {

    private ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Trying again later may work: a time-out, a refused connection, a 5xx, a 429. */
    public static final class Transient extends ConnectorException {

        private final Duration retryAfter;

        /** @param retryAfter how long the platform asked to wait ({@code Retry-After}, rate-limit headers), or {@code null} */
        public Transient(String message, Duration retryAfter, Throwable cause) {
            super(message, cause);
            this.retryAfter = retryAfter;
        }

        public Transient(String message) {
            this(message, null, null);
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** It will fail the same way until someone changes something: wrong credentials, a URL that is not a feed. */
    public static final class Permanent extends ConnectorException {

        public Permanent(String message, Throwable cause) {
            super(message, cause);
        }

        public Permanent(String message) {
            this(message, null);
        }
    }
}
