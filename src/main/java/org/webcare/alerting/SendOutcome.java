package org.webcare.alerting;

/** What one attempt to send an alert came to. */
sealed interface SendOutcome {

    record Sent() implements SendOutcome {
    }

    /** Worth trying again later (time-outs, 5xx, SMTP server unreachable). */
    record Retry(String reason) implements SendOutcome {
    }

    /** Trying again would fail the same way (refused address, 4xx, no SMTP server configured). */
    record Failed(String reason) implements SendOutcome {
    }
}
