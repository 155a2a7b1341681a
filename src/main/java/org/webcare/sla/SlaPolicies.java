package org.webcare.sla;

import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.shared.Intent;
import org.webcare.shared.NotFoundException;

/** The brands' SLA policies: ordered, the first that matches a case applies; a brand without any has the default. */
@Service
public class SlaPolicies {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_TEXT_LENGTH = 2_000;

    private final JdbcClient jdbc;

    SlaPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SlaPolicy> ofBrand(long brandId) {
        return jdbc.sql("select * from sla_policy where brand_id = ? order by position, id").param(brandId).query(SlaPolicies::row).list();
    }

    public List<SlaPolicy> all() {
        return jdbc.sql("select * from sla_policy order by brand_id, position, id").query(SlaPolicies::row).list();
    }

    public Optional<SlaPolicy> find(long id) {
        return jdbc.sql("select * from sla_policy where id = ?").param(id).query(SlaPolicies::row).optional();
    }

    public SlaPolicy get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("no SLA policy with id " + id));
    }

    /** The policy for a case with these facts: the brand's first that matches, else the default. */
    SlaPolicy applying(long brandId, long channelId, int priority, List<String> intents, List<String> tags) {
        return ofBrand(brandId).stream().filter(p -> p.matches(channelId, priority, intents, tags)).findFirst()
                .orElseGet(() -> SlaPolicy.defaultFor(brandId));
    }

    /** Every problem of a draft, by field ("targets.firstResponse" → "must be a positive duration like PT4H"). */
    public Map<String, String> problems(PolicyDraft draft) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (draft.brandId() == null) {
            problems.put("brandId", "is required");
        } else if (!jdbc.sql("select exists (select 1 from brand where id = ?)").param(draft.brandId()).query(Boolean.class).single()) {
            problems.put("brandId", "no brand with id " + draft.brandId());
        }
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            problems.put("name", "is required, at most " + MAX_NAME_LENGTH + " characters");
        }
        if (draft.channelId() != null && draft.brandId() != null && !jdbc.sql(
                "select exists (select 1 from channel where id = ? and brand_id = ?)").params(draft.channelId(), draft.brandId())
                .query(Boolean.class).single()) {
            problems.put("channelId", "no channel with id " + draft.channelId() + " of this brand");
        }
        if (draft.calendarId() != null && draft.brandId() != null && !jdbc.sql(
                "select exists (select 1 from business_calendar where id = ? and brand_id = ?)").params(draft.calendarId(), draft.brandId())
                .query(Boolean.class).single()) {
            problems.put("calendarId", "no business calendar with id " + draft.calendarId() + " of this brand");
        }
        if (draft.maxPriority() != null && (draft.maxPriority() < 1 || draft.maxPriority() > 5)) {
            problems.put("maxPriority", "must be from 1 (most urgent) to 5");
        }
        for (String intent : list(draft.intents())) {
            try {
                Intent.parse(intent);
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.put("intents", "'" + abbreviate(intent) + "' is not an intent; use " + Arrays.stream(Intent.values())
                        .map(Intent::json).toList());
            }
        }
        for (String tag : list(draft.customerTags())) {
            if (tag == null || !tag.strip().matches("#?[\\p{L}\\p{N}_-]{1,40}")) {
                problems.put("customerTags", "'" + abbreviate(tag) + "' is not a tag (letters, digits, - and _)");
            }
        }
        PolicyDraft.Targets targets = draft.targets() == null ? new PolicyDraft.Targets(null, null, null, null, null, null) : draft.targets();
        duration(targets.firstResponse(), true).ifPresent(p -> problems.put("targets.firstResponse", p));
        duration(targets.nextResponse(), false).ifPresent(p -> problems.put("targets.nextResponse", p));
        duration(targets.resolution(), false).ifPresent(p -> problems.put("targets.resolution", p));
        if (draft.notifyEmail() != null && !draft.notifyEmail().isBlank()
                && !draft.notifyEmail().strip().matches("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]+")) {
            problems.put("notifyEmail", "must be an e-mail address like team@example.org");
        }
        if (draft.notifyWebhook() != null && !draft.notifyWebhook().isBlank() && !webAddress(draft.notifyWebhook().strip())) {
            problems.put("notifyWebhook", "must be an http or https address");
        }
        if (draft.autoReplyText() != null && draft.autoReplyText().strip().length() > MAX_TEXT_LENGTH) {
            problems.put("autoReplyText", "at most " + MAX_TEXT_LENGTH + " characters");
        }
        return problems;
    }

    @Transactional
    public SlaPolicy create(PolicyDraft draft) {
        check(draft);
        int position = draft.position() != null ? draft.position() : jdbc.sql(
                "select coalesce(max(position), 0) + 1 from sla_policy where brand_id = ?").param(draft.brandId()).query(Integer.class).single();
        long id = jdbc.sql("insert into sla_policy (brand_id, name, position, first_response_seconds) values (?, ?, ?, ?) returning id")
                .params(draft.brandId(), draft.name().strip(), position, seconds(draft.targets().firstResponse())).query(Long.class).single();
        write(id, draft, position);
        return get(id);
    }

    @Transactional
    public SlaPolicy update(long id, PolicyDraft draft) {
        SlaPolicy current = get(id);
        check(draft);
        if (draft.brandId() != current.brandId()) {
            throw new IllegalArgumentException("brandId: a policy stays with its brand; add one to the other brand instead");
        }
        write(id, draft, draft.position() != null ? draft.position() : current.position());
        return get(id);
    }

    @Transactional
    public void remove(long id) {
        get(id);
        jdbc.sql("delete from sla_policy where id = ?").param(id).update();
    }

    private void check(PolicyDraft draft) {
        Map<String, String> problems = problems(draft);
        if (!problems.isEmpty()) {
            var first = problems.entrySet().iterator().next();
            throw new IllegalArgumentException(first.getKey() + ": " + first.getValue());
        }
    }

    private void write(long id, PolicyDraft draft, int position) {
        PolicyDraft.Targets t = draft.targets();
        jdbc.sql("""
                update sla_policy set name = ?, position = ?, channel_id = ?, max_priority = ?, intents = ?::text[],
                  customer_tags = ?::text[], first_response_seconds = ?, first_response_working = ?,
                  next_response_seconds = ?, next_response_working = ?, resolution_seconds = ?, resolution_working = ?,
                  calendar_id = ?, pause_on_customer = ?, pause_on_internal = ?, notify_email = ?, notify_webhook = ?,
                  auto_reply_text = ?, updated_at = now()
                where id = ?""")
                .params(draft.name().strip(), position, draft.channelId(), draft.maxPriority(),
                        arrayLiteral(list(draft.intents()).stream().map(i -> Intent.parse(i).json()).distinct().toList()),
                        arrayLiteral(list(draft.customerTags()).stream().map(SlaPolicies::tag).distinct().toList()),
                        seconds(t.firstResponse()), Boolean.TRUE.equals(t.firstResponseWorkingTime()),
                        seconds(t.nextResponse()), Boolean.TRUE.equals(t.nextResponseWorkingTime()),
                        seconds(t.resolution()), Boolean.TRUE.equals(t.resolutionWorkingTime()),
                        draft.calendarId(), !Boolean.FALSE.equals(draft.pauseOnCustomer()), Boolean.TRUE.equals(draft.pauseOnInternal()),
                        blankToNull(draft.notifyEmail()), blankToNull(draft.notifyWebhook()), blankToNull(draft.autoReplyText()), id)
                .update();
    }

    private static Optional<String> duration(String value, boolean required) {
        if (value == null || value.isBlank()) {
            return required ? Optional.of("is required: a positive duration like PT4H") : Optional.empty();
        }
        try {
            Duration parsed = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
            if (parsed.isNegative() || parsed.isZero()) {
                return Optional.of("must be a positive duration like PT4H");
            }
            if (parsed.compareTo(Duration.ofDays(365)) > 0) {
                return Optional.of("must be at most a year (P365D)");
            }
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of("must be a positive duration like PT4H");
        }
    }

    private static Long seconds(String value) {
        return value == null || value.isBlank() ? null : Duration.parse(value.strip().toUpperCase(Locale.ROOT)).toSeconds();
    }

    private static boolean webAddress(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String tag(String value) {
        String tag = value.strip().toLowerCase(Locale.ROOT);
        return tag.startsWith("#") ? tag.substring(1) : tag;
    }

    /** A text[] literal; the values were checked to be intents and tags (no quotes, commas or braces). */
    private static String arrayLiteral(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String abbreviate(String value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static SlaPolicy row(ResultSet rs, int n) throws SQLException {
        return new SlaPolicy(rs.getLong("id"), rs.getLong("brand_id"), rs.getString("name"), rs.getInt("position"),
                (Long) rs.getObject("channel_id"), (Integer) rs.getObject("max_priority"), strings(rs.getArray("intents")),
                strings(rs.getArray("customer_tags")), target(rs, "first_response"), target(rs, "next_response"),
                target(rs, "resolution"), (Long) rs.getObject("calendar_id"), rs.getBoolean("pause_on_customer"),
                rs.getBoolean("pause_on_internal"), rs.getString("notify_email"), rs.getString("notify_webhook"),
                rs.getString("auto_reply_text"));
    }

    private static Target target(ResultSet rs, String prefix) throws SQLException {
        Object seconds = rs.getObject(prefix + "_seconds");
        return seconds == null ? null : new Target(Duration.ofSeconds(((Number) seconds).longValue()), rs.getBoolean(prefix + "_working"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
