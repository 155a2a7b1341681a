package org.webcare.surveys;

import java.time.DateTimeException;
import java.time.Duration;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.channel.Channels;
import org.webcare.shared.NotFoundException;

/** Each brand's survey settings ({@code survey_settings}); team leads change them. */
@Service
public class SurveySettingsStore {

    static final Duration LONGEST_DELAY = Duration.ofDays(7);
    static final Duration LONGEST_INTERVAL = Duration.ofDays(366);

    private final JdbcClient jdbc;
    private final Channels channels;

    SurveySettingsStore(JdbcClient jdbc, Channels channels) {
        this.jdbc = jdbc;
        this.channels = channels;
    }

    public SurveySettings of(long brandId) {
        channels.brand(brandId).orElseThrow(() -> new NotFoundException("brand: no brand with id " + brandId));
        return stored(brandId);
    }

    SurveySettings stored(long brandId) {
        return jdbc.sql("select * from survey_settings where brand_id = ?").param(brandId)
                .query((rs, n) -> new SurveySettings(brandId, rs.getBoolean("enabled"), SurveyKind.valueOf(rs.getString("kind")),
                        AskBy.valueOf(rs.getString("ask_by")), Duration.parse(rs.getString("delay")),
                        Duration.parse(rs.getString("customer_interval")), rs.getString("question_nl"),
                        rs.getString("question_en")))
                .optional().orElseGet(() -> SurveySettings.defaults(brandId));
    }

    /**
     * Replaces a brand's settings with the given fields; a field left out keeps its current value. Values are
     * strings as a form or JSON sends them.
     *
     * @throws IllegalArgumentException naming the first invalid field; nothing is changed then
     */
    @Transactional
    public SurveySettings save(long brandId, Map<String, ?> fields, String changedBy) {
        SurveySettings current = of(brandId);
        for (String name : fields.keySet()) {
            if (!java.util.Set.of("enabled", "kind", "askBy", "delay", "customerInterval", "questionNl", "questionEn").contains(name)) {
                throw new IllegalArgumentException(name + ": unknown field (known: enabled, kind, askBy, delay, "
                        + "customerInterval, questionNl, questionEn)");
            }
        }
        boolean enabled = fields.containsKey("enabled") ? bool("enabled", fields.get("enabled")) : current.enabled();
        SurveyKind kind = fields.containsKey("kind") ? SurveyKind.parse("kind", text(fields.get("kind"))) : current.kind();
        AskBy askBy = fields.containsKey("askBy") ? AskBy.parse("askBy", text(fields.get("askBy"))) : current.askBy();
        Duration delay = fields.containsKey("delay") ? duration("delay", fields.get("delay"), Duration.ZERO, LONGEST_DELAY)
                : current.delay();
        Duration interval = fields.containsKey("customerInterval")
                ? duration("customerInterval", fields.get("customerInterval"), Duration.ZERO, LONGEST_INTERVAL)
                : current.customerInterval();
        String nl = fields.containsKey("questionNl") ? question("questionNl", fields.get("questionNl")) : current.questionNl();
        String en = fields.containsKey("questionEn") ? question("questionEn", fields.get("questionEn")) : current.questionEn();
        jdbc.sql("""
                        insert into survey_settings (brand_id, enabled, kind, ask_by, delay, customer_interval, question_nl,
                                                     question_en, updated_at, updated_by)
                        values (:brand, :enabled, :kind, :askBy, :delay, :interval, :nl, :en, now(), :by)
                        on conflict (brand_id) do update set enabled = excluded.enabled, kind = excluded.kind,
                            ask_by = excluded.ask_by, delay = excluded.delay, customer_interval = excluded.customer_interval,
                            question_nl = excluded.question_nl, question_en = excluded.question_en,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("brand", brandId).param("enabled", enabled).param("kind", kind.name()).param("askBy", askBy.name())
                .param("delay", SurveySettings.iso(delay)).param("interval", SurveySettings.iso(interval)).param("nl", nl).param("en", en)
                .param("by", changedBy).update();
        return stored(brandId);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static boolean bool(String field, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value == null ? "" : value.toString().strip().toLowerCase(java.util.Locale.ROOT);
        return switch (text) {
            case "true", "on", "yes", "1" -> true;
            case "false", "off", "no", "0", "" -> false;
            default -> throw new IllegalArgumentException(field + ": must be true or false; got '" + value + "'");
        };
    }

    private static Duration duration(String field, Object value, Duration min, Duration max) {
        String text = value == null ? "" : value.toString().strip();
        Duration parsed;
        try {
            parsed = Duration.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(field + ": must be an ISO duration such as PT1H or P30D; got '" + text + "'");
        }
        if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
            throw new IllegalArgumentException(field + ": must be between " + min + " and " + max + "; got " + parsed);
        }
        return parsed;
    }

    private static String question(String field, Object value) {
        String text = value == null ? "" : value.toString().strip();
        if (text.isEmpty()) {
            return null; // back to the built-in question
        }
        if (text.length() > SurveySettings.MAX_QUESTION) {
            throw new IllegalArgumentException(field + ": must be at most " + SurveySettings.MAX_QUESTION + " characters");
        }
        return text;
    }
}
