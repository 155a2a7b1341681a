package org.webcare.channel;

/** Where an outbound message stands: waiting, waiting after a failed attempt, delivered, or given up. */
public enum DeliveryState {
    QUEUED, RETRYING, SENT, FAILED
}
