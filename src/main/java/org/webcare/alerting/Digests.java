package org.webcare.alerting;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.webcare.crisis.CrisisDetected;
import org.webcare.intake.Post;
import org.webcare.intake.Posts;
import org.webcare.listening.SavedQueries;
import org.webcare.listening.SavedQuery;
import tools.jackson.databind.ObjectMapper;

/** Builds the {@link Digest} of one or more alerts from the stored matches and posts, at the time it is sent. */
@Component
class Digests {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final int MAX_TEXT_LENGTH = 600;

    private final JdbcClient jdbc;
    private final Posts posts;
    private final SavedQueries queries;
    private final AlertLinks links;
    private final AlertSettings settings;
    private final ObjectMapper json;
    private final ZoneId zone;

    Digests(JdbcClient jdbc, Posts posts, SavedQueries queries, AlertLinks links, AlertSettings settings, ObjectMapper json,
            @Value("${webcare.time-zone:Europe/Amsterdam}") String zone) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.queries = queries;
        this.links = links;
        this.settings = settings;
        this.json = json;
        this.zone = ZoneId.of(zone);
    }

    /** The matches of these alerts (one rule each, possibly several queries), grouped by query. */
    Digest matches(List<StoredAlert> alerts) {
        Map<Long, Set<Long>> postsByQuery = new LinkedHashMap<>();
        for (StoredAlert alert : alerts) {
            List<Long> ids = jdbc.sql("select post_id from alert_item where alert_id = ? order by matched_at, post_id")
                    .param(alert.id()).query(Long.class).list();
            postsByQuery.computeIfAbsent(alert.rule().queryId(), id -> new LinkedHashSet<>()).addAll(ids);
        }
        List<Digest.Section> sections = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int total = 0;
        for (var entry : postsByQuery.entrySet()) {
            String name = queries.find(entry.getKey()).map(SavedQuery::name).orElse("query " + entry.getKey());
            names.add("\"" + name + "\"");
            sections.add(section(name, links.path("/inbox?query=" + entry.getKey()), List.copyOf(entry.getValue())));
            total += entry.getValue().size();
        }
        StoredAlert first = alerts.getFirst();
        String window = windowLabel(first);
        String heading = total + (total == 1 ? " new post" : " new posts") + " for " + String.join(", ", names)
                + " (" + window + ")";
        return new Digest(line("[Webcare] " + heading), line(heading), window, null, sections, total, links.base());
    }

    /** A crisis alert: the reason, the live view and the posts that drove it. */
    Digest crisis(StoredAlert alert) {
        CrisisDetected crisis = json.readValue(alert.crisisJson(), CrisisDetected.class);
        String kind = switch (crisis.kind()) {
            case VOLUME -> "Volume spike";
            case NEGATIVE_SHARE -> "Negative sentiment spike";
            case HIGH_REACH -> "High-reach post";
        };
        String heading = "Crisis for \"" + crisis.scopeName() + "\": " + crisis.reason();
        Digest.Section driving = section("Posts that drove it", links.path(crisis.liveViewPath()), crisis.postIds());
        return new Digest(line("[Webcare] " + heading), line(heading), time(crisis.detectedAt()),
                new Digest.Crisis(crisis.scopeName(), kind, crisis.reason(), links.path(crisis.liveViewPath())),
                List.of(driving), crisis.postIds().size(), links.base());
    }

    private Digest.Section section(String title, String link, List<Long> postIds) {
        List<Digest.Entry> entries = new ArrayList<>();
        int shown = Math.min(postIds.size(), settings.maxPostsShown());
        for (long postId : postIds.subList(0, shown)) {
            Optional<Post> post = posts.find(postId);
            post.ifPresent(found -> entries.add(new Digest.Entry(author(found), shorten(found.text()), time(found.receivedAt()),
                    links.thread(found.threadId(), found.id()))));
        }
        return new Digest.Section(title, link, entries, postIds.size() - shown);
    }

    private String windowLabel(StoredAlert alert) {
        Instant start = alert.windowStart();
        Instant end = alert.windowEnd();
        return switch (alert.rule().cadence()) {
            case INSTANT -> "since " + time(start);
            case HOURLY -> time(start) + "–" + time(end);
            case DAILY -> end.minusSeconds(1).atZone(zone).toLocalDate().equals(start.atZone(zone).toLocalDate())
                    ? DAY.format(start.atZone(zone))
                    : DAY.format(start.atZone(zone)) + " – " + DAY.format(end.minusSeconds(1).atZone(zone));
        };
    }

    private String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    private static String author(Post post) {
        return post.authorName() == null || post.authorName().isBlank()
                ? post.authorHandle() : post.authorName() + " (" + post.authorHandle() + ")";
    }

    private static String shorten(String text) {
        String flat = text == null ? "" : text.strip();
        return flat.length() > MAX_TEXT_LENGTH ? flat.substring(0, MAX_TEXT_LENGTH) + "…" : flat;
    }

    /** Subjects and headings are one line: names come from users, so line breaks and controls go. */
    private static String line(String text) {
        String flat = text.replaceAll("\\p{Cntrl}+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    /** An alert as stored, with its rule. */
    record StoredAlert(long id, AlertRule rule, String kind, Instant windowStart, Instant windowEnd, String crisisJson) {

        boolean isCrisis() {
            return "CRISIS".equals(kind);
        }
    }

    Optional<StoredAlert> alert(long alertId) {
        return jdbc.sql("""
                        select a.id as alert_id, a.kind, a.window_start, a.window_end, a.crisis::text as crisis_json, r.*
                        from alert a join alert_rule r on r.id = a.rule_id where a.id = ?
                        """)
                .param(alertId)
                .query((rs, n) -> new StoredAlert(rs.getLong("alert_id"), AlertRules.rule(rs, n), rs.getString("kind"),
                        rs.getTimestamp("window_start").toInstant(), rs.getTimestamp("window_end").toInstant(),
                        rs.getString("crisis_json")))
                .optional();
    }
}
