package org.webcare.alerting;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.channel.Channels;
import org.webcare.listening.SavedQueries;

/** The alert rules: checked when saved (recipients, webhook address, SMTP configured), listed, removed. */
@Service
public class AlertRules {

    static final int MAX_EMAILS = 20;
    private static final int MAX_URL_LENGTH = 2_000;

    private final JdbcClient jdbc;
    private final SavedQueries queries;
    private final Channels channels;
    private final WebhookAddresses webhooks;
    private final AlertMail mail;

    AlertRules(JdbcClient jdbc, SavedQueries queries, Channels channels, WebhookAddresses webhooks, AlertMail mail) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.channels = channels;
        this.webhooks = webhooks;
        this.mail = mail;
    }

    public List<AlertRule> all() {
        return jdbc.sql("select * from alert_rule order by id").query(AlertRules::rule).list();
    }

    public List<AlertRule> forQuery(long queryId) {
        return jdbc.sql("select * from alert_rule where query_id = ? order by id").param(queryId).query(AlertRules::rule).list();
    }

    public Optional<AlertRule> find(long id) {
        return jdbc.sql("select * from alert_rule where id = ?").param(id).query(AlertRules::rule).optional();
    }

    /**
     * Saves a rule for a saved query or for a brand (exactly one of them).
     *
     * @param cadence {@code instant}, {@code hourly} or {@code daily}; a brand's rule, which only receives crisis
     *                alerts, may leave it out
     * @param emails recipients, written as plain addresses
     * @param webhookUrl an incoming webhook URL, or {@code null}
     * @throws IllegalArgumentException {@code "field: reason"} naming what is wrong
     */
    @Transactional
    public AlertRule save(Long queryId, Long brandId, String cadence, List<String> emails, String webhookUrl, Long userId) {
        if ((queryId == null) == (brandId == null)) {
            throw new IllegalArgumentException("queryId: give either queryId (a saved query's matches and crises) or brandId (a brand's crises)");
        }
        if (queryId != null && queries.find(queryId).isEmpty()) {
            throw new IllegalArgumentException("queryId: no saved query with id " + queryId);
        }
        if (brandId != null && channels.brand(brandId).isEmpty()) {
            throw new IllegalArgumentException("brandId: no brand with id " + brandId);
        }
        Cadence parsed = brandId != null && (cadence == null || cadence.isBlank()) ? Cadence.INSTANT : Cadence.parse(cadence);
        List<String> recipients = recipients(emails);
        String webhook = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.strip();
        if (recipients.isEmpty() && webhook == null) {
            throw new IllegalArgumentException("emails: give at least one e-mail address or a webhookUrl");
        }
        if (!recipients.isEmpty() && !mail.configured()) {
            throw new IllegalArgumentException("emails: e-mail alerts need an SMTP server, and none is configured (set WEBCARE_SMTP_HOST)");
        }
        if (webhook != null) {
            if (webhook.length() > MAX_URL_LENGTH) {
                throw new IllegalArgumentException("webhookUrl: is longer than " + MAX_URL_LENGTH + " characters");
            }
            webhook = webhooks.check(webhook).toString();
        }
        long id = jdbc.sql("""
                        insert into alert_rule (query_id, brand_id, cadence, emails, webhook_url, created_by)
                        values (?, ?, ?, cast(? as text[]), ?, ?) returning id
                        """)
                .params(queryId, brandId, parsed.name(), textArray(recipients), webhook, userId)
                .query(Long.class).single();
        return find(id).orElseThrow();
    }

    @Transactional
    public boolean remove(long id) {
        return jdbc.sql("delete from alert_rule where id = ?").param(id).update() == 1;
    }

    /** Splits what people paste ("a@x.nl, b@y.com; c@z.org") into addresses. */
    public static List<String> splitEmails(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\s,;]+")).filter(part -> !part.isBlank()).toList();
    }

    private static List<String> recipients(List<String> emails) {
        List<String> cleaned = new ArrayList<>();
        for (String email : emails == null ? List.<String>of() : emails) {
            if (email == null || email.isBlank()) {
                continue;
            }
            String candidate = email.strip();
            if (!validEmail(candidate)) {
                throw new IllegalArgumentException("emails: '" + candidate + "' is not an e-mail address");
            }
            if (cleaned.stream().noneMatch(candidate::equalsIgnoreCase)) {
                cleaned.add(candidate);
            }
        }
        if (cleaned.size() > MAX_EMAILS) {
            throw new IllegalArgumentException("emails: at most " + MAX_EMAILS + " addresses per rule, got " + cleaned.size());
        }
        return cleaned;
    }

    /** A plain address with a dotted domain: no display names, groups or comments, which could smuggle in headers. */
    private static boolean validEmail(String candidate) {
        if (candidate.length() > 254 || candidate.chars().anyMatch(c -> c < 0x21 || "<>,;\"\\{}()[]".indexOf(c) >= 0)) {
            return false;
        }
        try {
            InternetAddress address = new InternetAddress(candidate, true);
            String domain = candidate.substring(candidate.lastIndexOf('@') + 1);
            return address.getAddress().equals(candidate) && domain.contains(".") && !domain.startsWith("[");
        } catch (AddressException e) {
            return false;
        }
    }

    private static String textArray(List<String> values) {
        // The addresses were checked above: no quotes, commas, braces or spaces reach this literal.
        return "{" + String.join(",", values.stream().map(value -> "\"" + value + "\"").toList()) + "}";
    }

    static AlertRule rule(ResultSet rs, int row) throws SQLException {
        Array emails = rs.getArray("emails");
        List<String> list = emails == null ? List.of() : List.of((String[]) emails.getArray());
        return new AlertRule(rs.getLong("id"), (Long) rs.getObject("query_id", Long.class), rs.getObject("brand_id", Long.class),
                Cadence.valueOf(rs.getString("cadence")), list, rs.getString("webhook_url"), rs.getTimestamp("created_at").toInstant());
    }
}
