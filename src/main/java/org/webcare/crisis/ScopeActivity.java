package org.webcare.crisis;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.webcare.crisis.CrisisDetected.Scope;
import org.webcare.crisis.WatchedScope.Key;
import org.webcare.shared.Intent;
import org.webcare.shared.SentimentLabel;

/**
 * Counts posts per brand and per saved query, by the time they were written ({@code created_at}), not the time they
 * arrived: a connector that polls every few minutes, a backlog after an outage or an import of old posts would
 * otherwise look like a spike. The price is that a post arriving late is counted late; the watch sees it at its next
 * check. Every query reads a range of {@code created_at}, which the {@code post_inbox} index serves.
 */
@Component
class ScopeActivity {

    /** How the posts of each kind of scope are found: brand through the channel, query through the matches. */
    private static final Map<Scope, String[]> SOURCES = Map.of(
            Scope.BRAND, new String[] {"post p join channel c on c.id = p.channel_id", "c.brand_id"},
            Scope.QUERY, new String[] {"post p cross join lateral unnest(p.matched_queries) as q(id)", "q.id"});
    private static final int DRIVING_POSTS = 20;

    private final JdbcClient jdbc;

    ScopeActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Posts per local hour between {@code from} and {@code to}, for every scope that had any. */
    Map<Key, Map<Instant, Long>> hourly(Instant from, Instant to, ZoneId zone) {
        Map<Key, Map<Instant, Long>> counts = new HashMap<>();
        for (Scope scope : Scope.values()) {
            String[] source = SOURCES.get(scope);
            jdbc.sql("select " + source[1] + " as scope_id, date_trunc('hour', p.created_at, :zone) as hour, count(*) as posts"
                            + " from " + source[0] + " where p.created_at >= :from and p.created_at < :to group by 1, 2")
                    .param("zone", zone.getId()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                    .query(rs -> {
                        counts.computeIfAbsent(new Key(scope, rs.getLong("scope_id")), key -> new HashMap<>())
                                .put(rs.getTimestamp("hour").toInstant(), rs.getLong("posts"));
                    });
        }
        return counts;
    }

    /** Each scope's first post, analysed posts and negative posts between {@code from} and {@code to}. */
    Map<Key, Totals> totals(Instant from, Instant to) {
        Map<Key, Totals> totals = new HashMap<>();
        for (Scope scope : Scope.values()) {
            String[] source = SOURCES.get(scope);
            jdbc.sql("select " + source[1] + " as scope_id, min(p.created_at) as first_post,"
                            + " count(*) filter (where p.sentiment is not null) as analysed,"
                            + " count(*) filter (where p.sentiment = 'NEGATIVE') as negatives"
                            + " from " + source[0] + " where p.created_at >= :from and p.created_at < :to group by 1")
                    .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                    .query(rs -> {
                        totals.put(new Key(scope, rs.getLong("scope_id")), new Totals(rs.getTimestamp("first_post").toInstant(),
                                rs.getLong("analysed"), rs.getLong("negatives")));
                    });
        }
        return totals;
    }

    /** Each scope's posts in the sliding window and its analysed and negative posts in the hour, both ending {@code now}. */
    Map<Key, Recent> recent(Instant now, Instant windowStart, Instant hourStart) {
        Map<Key, Recent> recent = new HashMap<>();
        Instant earliest = windowStart.isBefore(hourStart) ? windowStart : hourStart;
        for (Scope scope : Scope.values()) {
            String[] source = SOURCES.get(scope);
            jdbc.sql("select " + source[1] + " as scope_id,"
                            + " count(*) filter (where p.created_at > :windowStart) as in_window,"
                            + " count(*) filter (where p.created_at > :hourStart and p.sentiment is not null) as analysed,"
                            + " count(*) filter (where p.created_at > :hourStart and p.sentiment = 'NEGATIVE') as negatives"
                            + " from " + source[0] + " where p.created_at > :earliest and p.created_at <= :now group by 1")
                    .param("windowStart", Timestamp.from(windowStart)).param("hourStart", Timestamp.from(hourStart))
                    .param("earliest", Timestamp.from(earliest)).param("now", Timestamp.from(now))
                    .query(rs -> {
                        recent.put(new Key(scope, rs.getLong("scope_id")),
                                new Recent(rs.getLong("in_window"), rs.getLong("analysed"), rs.getLong("negatives")));
                    });
        }
        return recent;
    }

    /** The posts that drove a crisis: those of the stretch with the largest reach first. */
    List<Long> drivingPosts(Key scope, Instant from, Instant now, boolean negativeOnly) {
        String[] source = SOURCES.get(scope.type());
        return jdbc.sql("select p.id from " + source[0] + " where " + source[1] + " = :scope"
                        + " and p.created_at > :from and p.created_at <= :now"
                        + (negativeOnly ? " and p.sentiment = 'NEGATIVE'" : "")
                        + " order by p.reach desc, p.author_followers desc nulls last, p.created_at desc, p.id desc limit :limit")
                .param("scope", scope.id()).param("from", Timestamp.from(from)).param("now", Timestamp.from(now))
                .param("limit", DRIVING_POSTS)
                .query(Long.class).list();
    }

    /** Posts written between {@code from} and {@code now} whose author has the audience, or the post the reach, to matter. */
    List<LoudPost> loudPosts(Instant from, Instant now, long minimumFollowers, int minimumReach) {
        return jdbc.sql("""
                        select p.id, c.brand_id, p.matched_queries, p.author_handle, p.author_followers, p.reach,
                               p.sentiment, p.intents
                        from post p join channel c on c.id = p.channel_id
                        where p.created_at > :from and p.created_at <= :now
                          and (p.author_followers >= :followers or p.reach >= :reach)
                        order by p.author_followers desc nulls last, p.reach desc, p.id""")
                .param("from", Timestamp.from(from)).param("now", Timestamp.from(now))
                .param("followers", minimumFollowers).param("reach", minimumReach)
                .query(ScopeActivity::loudPost).list();
    }

    private static LoudPost loudPost(ResultSet rs, int row) throws SQLException {
        Array matched = rs.getArray("matched_queries");
        List<Long> queries = matched == null ? List.of() : List.of((Long[]) matched.getArray());
        Set<Intent> intents = EnumSet.noneOf(Intent.class);
        Array intentArray = rs.getArray("intents");
        if (intentArray != null) {
            for (Object name : (Object[]) intentArray.getArray()) {
                intents.add(Intent.valueOf((String) name));
            }
        }
        String sentiment = rs.getString("sentiment");
        return new LoudPost(rs.getLong("id"), rs.getLong("brand_id"), queries, rs.getString("author_handle"),
                rs.getObject("author_followers", Long.class), rs.getInt("reach"),
                sentiment == null ? null : SentimentLabel.valueOf(sentiment), intents);
    }

    record Totals(Instant firstPost, long analysed, long negatives) {
    }

    record Recent(long inWindow, long analysed, long negatives) {
    }

    record LoudPost(long id, long brandId, List<Long> queryIds, String authorHandle, Long followers, int reach,
                    SentimentLabel sentiment, Set<Intent> intents) {

        List<Key> scopes() {
            List<Key> scopes = new ArrayList<>();
            scopes.add(new Key(Scope.BRAND, brandId));
            queryIds.forEach(id -> scopes.add(new Key(Scope.QUERY, id)));
            return scopes;
        }
    }
}
