package org.webcare.channel;

/** Published when an outbound message was delivered, failed an attempt or was given up. */
public record DeliveryChanged(long messageId, long channelId, DeliveryState state) {
}
