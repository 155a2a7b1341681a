package org.webcare.cases;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Each brand's tone of voice (formal "u" or personal "je/jij") and order-number pattern, falling back to the global
 * {@code webcare.replies.tone} and {@code webcare.replies.order-number-pattern}. The reply checks of every send and
 * of the composer use the brand's.
 */
@Service
public class ReplyStyles {

    static final int MAX_PATTERN_LENGTH = 200;

    private final JdbcClient jdbc;
    private final ReplyCheck.Tone defaultTone;
    private final String defaultPattern;
    // Compiling a pattern per reply would be wasteful; brands have few, and they rarely change.
    private final Map<String, ReplyCheck> checks = new ConcurrentHashMap<>();

    ReplyStyles(JdbcClient jdbc, @Value("${webcare.replies.tone:formal}") String defaultTone,
                @Value("${webcare.replies.order-number-pattern:}") String defaultPattern) {
        this.jdbc = jdbc;
        this.defaultTone = ReplyCheck.Tone.parse(defaultTone);
        this.defaultPattern = defaultPattern == null ? "" : defaultPattern;
    }

    /**
     * A brand's reply style.
     *
     * @param own whether the brand set its own (otherwise these are the global settings)
     */
    public record ReplyStyle(ReplyCheck.Tone tone, String orderNumberPattern, boolean own, ReplyCheck check) {
    }

    public ReplyStyle of(long brandId) {
        return jdbc.sql("select tone, order_number_pattern from brand_reply_style where brand_id = ?").param(brandId)
                .query((rs, n) -> style(rs.getString("tone") == null ? defaultTone : ReplyCheck.Tone.valueOf(rs.getString("tone")),
                        rs.getString("order_number_pattern") == null ? defaultPattern : rs.getString("order_number_pattern"), true))
                .optional()
                .orElseGet(() -> style(defaultTone, defaultPattern, false));
    }

    /**
     * Sets a brand's tone and order-number pattern ({@code null} or empty pattern: order numbers are not checked).
     */
    public ReplyStyle set(long brandId, String tone, String orderNumberPattern) {
        ReplyCheck.Tone parsed = ReplyCheck.Tone.parse(tone);
        String pattern = orderNumberPattern == null ? "" : orderNumberPattern.strip();
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            throw new IllegalArgumentException("orderNumberPattern: is longer than " + MAX_PATTERN_LENGTH + " characters");
        }
        try {
            Pattern compiled = pattern.isEmpty() ? null : Pattern.compile(pattern);
            if (compiled != null && compiled.matcher("").matches()) {
                throw new IllegalArgumentException("orderNumberPattern: '" + pattern + "' matches empty text");
            }
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("orderNumberPattern: not a regular expression: " + e.getDescription());
        }
        if (jdbc.sql("select exists (select 1 from brand where id = ?)").param(brandId).query(Boolean.class).single() != Boolean.TRUE) {
            throw new org.webcare.shared.NotFoundException("brand: no brand with id " + brandId);
        }
        jdbc.sql("""
                        insert into brand_reply_style (brand_id, tone, order_number_pattern) values (?, ?, ?)
                        on conflict (brand_id) do update set tone = excluded.tone,
                            order_number_pattern = excluded.order_number_pattern, updated_at = now()""")
                .params(brandId, parsed.name(), pattern).update();
        return of(brandId);
    }

    private ReplyStyle style(ReplyCheck.Tone tone, String pattern, boolean own) {
        return new ReplyStyle(tone, pattern, own, checks.computeIfAbsent(pattern, ReplyCheck::withOrderNumbers));
    }
}
