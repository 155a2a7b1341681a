package org.webcare.channel;

/**
 * One setting of a connector, documented once in code: the admin form, the API and the README list show this.
 *
 * @param key stable name, e.g. {@code url}, {@code imapHost}
 * @param defaultValue used when the setting is left empty, or {@code null}
 */
public record ConnectorSetting(String key, Kind kind, boolean required, String description, String defaultValue) {

    public enum Kind {
        TEXT, URL, EMAIL, INTEGER, BOOLEAN, DURATION,
        /** A password or token: stored encrypted, never shown again after saving. */
        SECRET
    }

    public static ConnectorSetting required(String key, Kind kind, String description) {
        return new ConnectorSetting(key, kind, true, description, null);
    }

    public static ConnectorSetting optional(String key, Kind kind, String description, String defaultValue) {
        return new ConnectorSetting(key, kind, false, description, defaultValue);
    }
}
