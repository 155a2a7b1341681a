package org.webcare.channel;

/** A channel just created, with the secret that signs its traffic: shown this once. */
public record NewChannel(Channel channel, String secret) {
}
