package org.webcare.channel;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A channel's setting values, checked against its connector's {@link ConnectorSetting}s: every required one present,
 * every value of its kind, no unknown keys. Typed getters; immutable.
 */
public final class ConnectorSettings {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_VALUE_LENGTH = 2_000;

    private final Map<String, String> values;

    private ConnectorSettings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * @throws InvalidSettingsException naming the first setting that is missing, unknown or of the wrong kind
     */
    public static ConnectorSettings check(List<ConnectorSetting> specs, Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : given.keySet()) {
            if (specs.stream().noneMatch(spec -> spec.key().equals(key))) {
                throw new InvalidSettingsException(key, "is not a setting of this channel type (known: "
                        + String.join(", ", specs.stream().map(ConnectorSetting::key).toList()) + ")");
            }
        }
        for (ConnectorSetting spec : specs) {
            String value = given.get(spec.key());
            value = value == null || value.isBlank() ? spec.defaultValue() : value.strip();
            if (value == null) {
                if (spec.required()) {
                    throw new InvalidSettingsException(spec.key(), "is required (" + spec.description() + ")");
                }
                continue;
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new InvalidSettingsException(spec.key(), "is longer than " + MAX_VALUE_LENGTH + " characters");
            }
            checkKind(spec, value);
            values.put(spec.key(), value);
        }
        return new ConnectorSettings(values);
    }

    private static void checkKind(ConnectorSetting spec, String value) {
        switch (spec.kind()) {
            case URL -> {
                try {
                    URI uri = new URI(value);
                    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                        throw new InvalidSettingsException(spec.key(), "must be an http or https URL, got '" + value + "'");
                    }
                } catch (java.net.URISyntaxException e) {
                    throw new InvalidSettingsException(spec.key(), "is not a valid URL: " + e.getReason());
                }
            }
            case EMAIL -> {
                if (!EMAIL.matcher(value).matches()) {
                    throw new InvalidSettingsException(spec.key(), "must be an e-mail address, got '" + value + "'");
                }
            }
            case INTEGER -> {
                try {
                    Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new InvalidSettingsException(spec.key(), "must be a whole number, got '" + value + "'");
                }
            }
            case BOOLEAN -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new InvalidSettingsException(spec.key(), "must be true or false, got '" + value + "'");
                }
            }
            case DURATION -> duration(spec.key(), value);
            case TEXT, SECRET -> {
            }
        }
    }

    private static Duration duration(String key, String value) {
        try {
            return Duration.parse(value.toUpperCase(Locale.ROOT).startsWith("P") ? value : "PT" + value);
        } catch (DateTimeParseException e) {
            throw new InvalidSettingsException(key, "must be a duration such as 5m or PT5M, got '" + value + "'");
        }
    }

    public Optional<String> text(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public String required(String key) {
        return text(key).orElseThrow(() -> new InvalidSettingsException(key, "is required"));
    }

    public Optional<URI> url(String key) {
        return text(key).map(URI::create);
    }

    public Optional<Long> integer(String key) {
        return text(key).map(Long::parseLong);
    }

    public boolean flag(String key) {
        return text(key).map(Boolean::parseBoolean).orElse(false);
    }

    public Optional<Duration> duration(String key) {
        return text(key).map(value -> duration(key, value));
    }

    /** All values, secrets included: for the runtime's storage, never for display. */
    public Map<String, String> values() {
        return values;
    }
}
