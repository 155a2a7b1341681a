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
    public static non-sealed class Permanent extends ConnectorException {

        public Permanent(String message, Throwable cause) {
            super(message, cause);
        }

        public Permanent(String message) {
            this(message, null);
        }
    }

    /** A webhook request refused: its sender must change it, and is told why (401, 400 naming the field, 415). */
    public static final class Rejected extends Permanent {

        public enum Reason { SIGNATURE, PAYLOAD, MEDIA_TYPE }

        private final Reason reason;
        private final String field;

        /** @param field the payload field at fault, or {@code null} */
        public Rejected(Reason reason, String field, String message) {
            super(field == null ? message : field + ": " + message);
            this.reason = reason;
            this.field = field;
        }

        public Reason reason() {
            return reason;
        }

        public String field() {
            return field;
        }
    }
}
