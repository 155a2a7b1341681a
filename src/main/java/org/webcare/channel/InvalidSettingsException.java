package org.webcare.channel;

/** A channel's setting is missing or wrong; the message names it: {@code settings.url: is not an http(s) URL}. */
public class InvalidSettingsException extends IllegalArgumentException {

    public InvalidSettingsException(String key, String reason) {
        super("settings." + key + ": " + reason);
    }
}
