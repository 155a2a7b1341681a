package org.webcare.reporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The weekly e-mail report's settings per brand, as team leads set them on the reports page. */
@Service
public class WeeklyReportSettings {

    /** A mailing list is the place for more; this keeps a typo from mailing half the company. */
    static final int MAX_RECIPIENTS = 20;
    private static final List<String> LANGUAGES = List.of("en", "nl");

    private final JdbcClient jdbc;

    WeeklyReportSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public WeeklyReportSetting of(long brandId) {
        return find(brandId).orElse(WeeklyReportSetting.off(brandId));
    }

    /** The brands whose report is switched on. */
    public List<WeeklyReportSetting> enabled() {
        return jdbc.sql("select brand_id, enabled, recipients, language from weekly_report_setting where enabled order by brand_id")
                .query((rs, n) -> new WeeklyReportSetting(rs.getLong("brand_id"), rs.getBoolean("enabled"),
                        Arrays.asList((String[]) rs.getArray("recipients").getArray()), rs.getString("language")))
                .list();
    }

    /**
     * Saves a brand's settings. Recipients are e-mail addresses separated by commas, semicolons, spaces or new lines;
     * switching the report on needs at least one.
     *
     * @throws IllegalArgumentException naming the field and the value that is wrong
     */
    public WeeklyReportSetting save(long brandId, boolean enabled, String recipientsText, String language) {
        List<String> recipients = parseRecipients(recipientsText);
        String lang = language == null || language.isBlank() ? "en" : language.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(lang)) {
            throw new IllegalArgumentException("language: must be en or nl, got '" + language + "'");
        }
        if (enabled && recipients.isEmpty()) {
            throw new IllegalArgumentException("recipients: give at least one e-mail address to switch the weekly report on");
        }
        jdbc.sql("""
                        insert into weekly_report_setting (brand_id, enabled, recipients, language, updated_at)
                        values (:brand, :enabled, cast(:recipients as text[]), :language, now())
                        on conflict (brand_id) do update set enabled = excluded.enabled, recipients = excluded.recipients,
                            language = excluded.language, updated_at = now()
                        """)
                .param("brand", brandId).param("enabled", enabled)
                .param("recipients", toArrayLiteral(recipients)).param("language", lang)
                .update();
        return of(brandId);
    }

    static List<String> parseRecipients(String text) {
        List<String> recipients = new ArrayList<>();
        if (text == null) {
            return recipients;
        }
        for (String part : text.split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                InternetAddress address = new InternetAddress(part.strip(), true);
                String email = address.getAddress();
                if (!email.contains("@") || email.startsWith("@") || email.endsWith("@")) {
                    throw new AddressException("no domain");
                }
                if (!recipients.contains(email)) {
                    recipients.add(email);
                }
            } catch (AddressException e) {
                throw new IllegalArgumentException("recipients: '" + part.strip() + "' is not an e-mail address");
            }
        }
        if (recipients.size() > MAX_RECIPIENTS) {
            throw new IllegalArgumentException("recipients: at most " + MAX_RECIPIENTS + " addresses, got " + recipients.size());
        }
        return recipients;
    }

    private Optional<WeeklyReportSetting> find(long brandId) {
        return jdbc.sql("select brand_id, enabled, recipients, language from weekly_report_setting where brand_id = :brand")
                .param("brand", brandId)
                .query((rs, n) -> new WeeklyReportSetting(rs.getLong("brand_id"), rs.getBoolean("enabled"),
                        Arrays.asList((String[]) rs.getArray("recipients").getArray()), rs.getString("language")))
                .optional();
    }

    /** A PostgreSQL array literal; addresses were validated, but quotes and backslashes are escaped all the same. */
    private static String toArrayLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }
}
