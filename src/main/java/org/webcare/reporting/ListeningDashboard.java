package org.webcare.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of the listening dashboard, for all posts of a brand or all posts a saved query matched. Each figure is
 * one aggregate query over the post table, narrowed by the indexes on creation time and matched queries.
 */
@Service
public class ListeningDashboard {

    /** Top terms come from the newest posts only: enough to see what people talk about, cheap at any volume. */
    static final int TERM_SAMPLE = 5_000;
    private static final int TOP = 10;
    private static final int TOP_TERMS = 20;

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final CharArraySet stopwords = new CharArraySet(DutchAnalyzer.getDefaultStopSet(), true);

    ListeningDashboard(JdbcClient jdbc, @Value("${webcare.time-zone:Europe/Amsterdam}") String zone) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
        // Snowball's English list (with contractions such as "i've"), not Lucene's short default of 33 words.
        stopwords.addAll(snowballStopwords("english_stop.txt"));
        // Words every webcare post is full of, which say nothing about what is going on.
        stopwords.addAll(List.of("https", "http", "t.co", "amp", "rt", "via", "www", "com", "nl", "nog", "wel", "ook",
                "al", "jullie", "mijn", "we", "you", "your", "my", "i'm", "just", "can", "get"));
    }

    private static CharArraySet snowballStopwords(String file) {
        try (var reader = IOUtils.getDecodingReader(SnowballFilter.class.getResourceAsStream(file), StandardCharsets.UTF_8)) {
            return WordlistLoader.getSnowballWordSet(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's " + file + " is missing from the class path", e);
        }
    }

    /** Figures for the posts of one brand ({@code brandId}) or of one saved query ({@code queryId}); exactly one is set. */
    @Transactional(readOnly = true)
    public ListeningFigures figures(Long brandId, Long queryId, DashboardRange range) {
        if ((brandId == null) == (queryId == null)) {
            throw new IllegalArgumentException("scope: give either a brand or a query");
        }
        Instant now = Instant.now();
        Instant since = now.minus(range.length());
        Scope scope = new Scope(brandId, queryId, since);
        List<ListeningFigures.Bucket> volume = volume(scope, range, now);
        long total = volume.stream().mapToLong(ListeningFigures.Bucket::posts).sum();
        return new ListeningFigures(range, since, total, volume, sentiment(scope), topAuthors(scope), topTerms(scope),
                sources(scope));
    }

    private List<ListeningFigures.Bucket> volume(Scope scope, DashboardRange range, Instant now) {
        // Buckets in local time, so a day bar runs from midnight to midnight where the team is.
        String bucketSql = "date_bin(cast(:bucket as interval), p.created_at at time zone :zone, timestamp '2000-01-03')";
        return scope.bind(jdbc.sql("""
                        select b.start at time zone :zone as start, count(p.id) as posts
                        from generate_series(date_bin(cast(:bucket as interval), cast(:since as timestamptz) at time zone :zone, timestamp '2000-01-03'),
                                             cast(:now as timestamptz) at time zone :zone, cast(:bucket as interval)) as b(start)
                        left join post p on %s = b.start and %s
                        group by b.start order by b.start
                        """.formatted(bucketSql, scope.where())))
                .param("bucket", range.bucket().toSeconds() + " seconds")
                .param("zone", zone.getId())
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new ListeningFigures.Bucket(rs.getTimestamp("start").toInstant(), rs.getLong("posts")))
                .list();
    }

    private List<ListeningFigures.Count> sentiment(Scope scope) {
        return scope.bind(jdbc.sql("select coalesce(lower(p.sentiment), 'unknown') as name, count(*) as count from post p where "
                        + scope.where() + " group by 1 order by 2 desc"))
                .query((rs, n) -> new ListeningFigures.Count(rs.getString("name"), rs.getLong("count"))).list();
    }

    private List<ListeningFigures.Author> topAuthors(Scope scope) {
        return scope.bind(jdbc.sql("""
                        select p.author_handle, max(p.author_name) as name, max(p.author_followers) as followers,
                               max(p.reach) as reach, count(*) as posts
                        from post p where %s
                        group by p.author_handle
                        order by max(p.reach) desc, max(p.author_followers) desc nulls last, count(*) desc, p.author_handle
                        limit :top
                        """.formatted(scope.where())))
                .param("top", TOP)
                .query((rs, n) -> new ListeningFigures.Author(rs.getString("author_handle"), rs.getString("name"),
                        rs.getObject("followers", Long.class), rs.getInt("reach"), rs.getLong("posts")))
                .list();
    }

    private List<ListeningFigures.Count> topTerms(Scope scope) {
        List<ListeningFigures.Count> counted = scope.bind(jdbc.sql("""
                        select t.term, count(*) as count
                        from (select p.search_terms from post p where %s and p.search_terms is not null
                              order by p.created_at desc limit :sample) s,
                             unnest(tsvector_to_array(s.search_terms)) as t(term)
                        where char_length(t.term) >= 3 and t.term !~ '^[0-9]+$' and t.term !~ '^@'
                        group by t.term order by count(*) desc, t.term limit :candidates
                        """.formatted(scope.where())))
                .param("sample", TERM_SAMPLE)
                .param("candidates", TOP_TERMS * 5)
                .query((rs, n) -> new ListeningFigures.Count(rs.getString("term"), rs.getLong("count"))).list();
        return terms(counted, TOP_TERMS);
    }

    /** The first {@code top} of these counted terms that say something: no stop words, hashtags once (as the word). */
    List<ListeningFigures.Count> terms(List<ListeningFigures.Count> counted, int top) {
        List<ListeningFigures.Count> terms = new ArrayList<>();
        for (ListeningFigures.Count term : counted) {
            // A hashtag is stored with and without its sign; keep the word once, and no stop words.
            if (!term.name().startsWith("#") && !stopwords.contains(term.name().toLowerCase(Locale.ROOT)) && terms.size() < top) {
                terms.add(term);
            }
        }
        return terms;
    }

    private List<ListeningFigures.Count> sources(Scope scope) {
        return scope.bind(jdbc.sql("""
                        select coalesce(p.site, c.name || ' (' || c.type || ')') as name, count(*) as count
                        from post p join channel c on c.id = p.channel_id
                        where %s group by 1 order by 2 desc, 1 limit :top
                        """.formatted(scope.where())))
                .param("top", TOP)
                .query((rs, n) -> new ListeningFigures.Count(rs.getString("name"), rs.getLong("count"))).list();
    }

    /** The posts in view: created since the start of the range, of the brand or matched by the query. */
    private record Scope(Long brandId, Long queryId, Instant since) {

        String where() {
            String owner = brandId != null
                    ? "p.channel_id in (select id from channel where brand_id = :brand)"
                    : "p.matched_queries @> array[cast(:query as bigint)]";
            return "p.created_at >= :since and " + owner;
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            statement = statement.param("since", Timestamp.from(since));
            return brandId != null ? statement.param("brand", brandId) : statement.param("query", queryId);
        }
    }
}
