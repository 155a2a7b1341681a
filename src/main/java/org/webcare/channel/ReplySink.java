package org.webcare.channel;

/**
 * Delivers outbound messages of one channel type. Implementations only talk to the platform: the outbox dispatcher
 * owns claiming, retries and recording the outcome.
 */
interface ReplySink {

    ChannelType type();

    /**
     * @param body the exact bytes to deliver (JSON), already containing the idempotency key
     */
    DeliveryOutcome deliver(Channel channel, String secret, String idempotencyKey, byte[] body);
}
