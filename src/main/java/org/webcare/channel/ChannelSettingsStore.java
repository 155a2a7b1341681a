package org.webcare.channel;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Keeps a channel's connector settings: plain values as JSON, secret ones only encrypted, in one sealed JSON value.
 * Secret values are never read back for display.
 */
@Component
class ChannelSettingsStore {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final CredentialCipher cipher;
    private final ObjectMapper json;

    ChannelSettingsStore(JdbcClient jdbc, CredentialCipher cipher, ObjectMapper json) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
    }

    void save(long channelId, ChannelConnector connector, ConnectorSettings settings) {
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> secret = new LinkedHashMap<>();
        for (ConnectorSetting spec : connector.settings()) {
            settings.text(spec.key()).ifPresent(value ->
                    (spec.kind() == ConnectorSetting.Kind.SECRET ? secret : plain).put(spec.key(), value));
        }
        jdbc.sql("update channel set settings = cast(? as jsonb), credentials = ? where id = ?")
                .params(json.writeValueAsString(plain), secret.isEmpty() ? null : cipher.encrypt(json.writeValueAsString(secret)), channelId)
                .update();
    }

    /** Every value, secrets decrypted: for opening the connection only. */
    Map<String, String> load(long channelId) {
        return jdbc.sql("select type, secret, callback_url, settings::text as settings, credentials from channel where id = ?")
                .param(channelId)
                .query((rs, n) -> {
                    Map<String, String> values = new LinkedHashMap<>(json.readValue(rs.getString("settings"), MAP));
                    String credentials = rs.getString("credentials");
                    if (credentials != null) {
                        values.putAll(json.readValue(cipher.decrypt(credentials), MAP));
                    }
                    if (ChannelType.API.id().equals(rs.getString("type"))) {
                        // API channels keep their signing secret and callback in the columns they were created with.
                        values.putIfAbsent(ApiConnector.SIGNING_SECRET, rs.getString("secret"));
                        if (rs.getString("callback_url") != null) {
                            values.putIfAbsent(ApiConnector.CALLBACK_URL, rs.getString("callback_url"));
                        }
                    }
                    return values;
                })
                .optional().orElseThrow(() -> new IllegalArgumentException("channelId: no channel with id " + channelId));
    }

    /** The plain values, and for each secret one only that it is set: what a page may show. */
    Map<String, String> shown(long channelId, ChannelConnector connector) {
        Map<String, String> shown = new LinkedHashMap<>(jdbc.sql("select settings::text from channel where id = ?")
                .param(channelId).query(String.class).optional().map(text -> json.readValue(text, MAP)).orElse(Map.of()));
        boolean hasCredentials = jdbc.sql("select credentials is not null from channel where id = ?").param(channelId)
                .query(Boolean.class).optional().orElse(false);
        connector.settings().stream().filter(spec -> spec.kind() == ConnectorSetting.Kind.SECRET && hasCredentials)
                .forEach(spec -> shown.put(spec.key(), "••••••"));
        return shown;
    }
}
