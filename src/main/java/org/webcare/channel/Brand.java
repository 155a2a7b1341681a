package org.webcare.channel;

/** An organisation or label that is looked after; it owns channels. */
public record Brand(long id, String name) {
}
