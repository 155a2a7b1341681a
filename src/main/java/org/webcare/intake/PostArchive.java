package org.webcare.intake;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.analysis.Analysis;
import org.webcare.listening.MatchExplanation;
import org.webcare.listening.MatchablePost;
import org.webcare.listening.Query;
import org.webcare.listening.SavedQueries;
import org.webcare.shared.Intent;

/**
 * The stored posts searched with a listening query: how many of a recent period a query would have matched, with a
 * sample explained, before it is saved; and why a stored post matched its saved queries.
 *
 * <p>PostgreSQL's full-text index narrows the archive to the posts holding one of the query's anchor terms (the terms
 * the matcher's presearcher uses, stored folded at intake), and the matcher itself confirms every candidate, so the
 * count is exactly what the query would have matched at intake, not an approximation by another tokeniser.
 */
@Service
public class PostArchive {

    /** A query test must answer while someone types: past this many candidates the count is a lower bound. */
    static final int MAX_CHECKED = 20_000;

    private final JdbcClient jdbc;
    private final SavedQueries savedQueries;

    PostArchive(JdbcClient jdbc, SavedQueries savedQueries) {
        this.jdbc = jdbc;
        this.savedQueries = savedQueries;
    }

    /**
     * Runs a query over the posts created in the last {@code period}, newest first.
     *
     * @param sampleSize how many matching posts to return, explained
     */
    @Transactional(readOnly = true)
    public QueryTrial trial(Query query, Duration period, int sampleSize) {
        Instant since = Instant.now().minus(period);
        String tsQuery = tsQuery(query.anchors());
        // Two branches, not one OR: "@@ or is null" cannot use the full-text index and scans every post.
        String candidatesSql = tsQuery == null
                ? "select * from post where created_at >= :since"
                : "select * from post where created_at >= :since and search_terms @@ cast(:tsQuery as tsquery)"
                + " union all select * from post where created_at >= :since and search_terms is null";
        var statement = jdbc.sql("select * from (" + candidatesSql + ") candidate order by created_at desc, id desc limit :limit")
                .param("since", Timestamp.from(since))
                .param("limit", MAX_CHECKED + 1);
        if (tsQuery != null) {
            statement = statement.param("tsQuery", tsQuery);
        }
        List<Post> candidates = statement.query(PostRepository::map).list();
        boolean complete = candidates.size() <= MAX_CHECKED;
        List<Sample> sample = new ArrayList<>();
        long matched = 0;
        for (Post post : complete ? candidates : candidates.subList(0, MAX_CHECKED)) {
            MatchablePost matchable = matchable(post);
            if (query.matches(matchable)) {
                matched++;
                if (sample.size() < sampleSize) {
                    sample.add(new Sample(post, MatchExplanation.of(query, matchable)));
                }
            }
        }
        return new QueryTrial(matched, Math.min(candidates.size(), MAX_CHECKED), complete, since, sample);
    }

    /**
     * The baseline the {@code bench archive} command compares {@link #trial} with: every post of the period, without
     * the full-text narrowing, through the matcher. Exact but slow; not for the UI.
     *
     * @return how many posts of the period the query matches
     */
    @Transactional(readOnly = true)
    public long countByScanning(Query query, Duration period) {
        long[] matched = {0};
        jdbc.sql("select * from post where created_at >= :since")
                .param("since", Timestamp.from(Instant.now().minus(period)))
                .query(row -> {
                    if (query.matches(matchable(PostRepository.map(row, 0)))) {
                        matched[0]++;
                    }
                });
        return matched[0];
    }

    /** For each saved query the post matched when it arrived and still matches, why; in the order stored. */
    public Map<Long, MatchExplanation> whyMatched(Post post) {
        Map<Long, MatchExplanation> explained = new LinkedHashMap<>();
        if (post.matchedQueries().isEmpty()) {
            return explained;
        }
        MatchablePost matchable = matchable(post);
        for (Long queryId : post.matchedQueries()) {
            savedQueries.explain(queryId, matchable).ifPresent(why -> explained.put(queryId, why));
        }
        return explained;
    }

    /** A stored post prepared for the matcher with the same fields intake gave it. */
    public static MatchablePost matchable(Post post) {
        return matchable(post.text(), post.authorHandle(), post.channelType(), post.site(), post.analysis(),
                post.authorFollowers());
    }

    /** The one definition of the listening fields of a post, at intake and in the archive alike. */
    static MatchablePost matchable(String text, String author, String channelType, String site, Analysis analysis,
                                   Long followers) {
        Map<String, String> fields = new HashMap<>();
        fields.put("author", author);
        fields.put("channel", channelType);
        fields.put("site", site);
        if (analysis != null) {
            fields.put("lang", analysis.language().code());
            fields.put("sentiment", analysis.sentiment().label().json());
            fields.put("intent", analysis.intents().stream().map(Intent::json).collect(Collectors.joining(" ")));
            fields.put("addressed", Boolean.toString(analysis.addressed()));
        }
        return MatchablePost.of(text, fields, followers);
    }

    /**
     * The anchors as a tsquery of quoted lexemes, or {@code null} when the query has none (only field filters): then
     * every post of the period is a candidate. Lexemes are quoted, so no character of a term is read as an operator.
     */
    static String tsQuery(Query.Anchors anchors) {
        if (anchors == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        anchors.terms().stream().sorted().forEach(term -> parts.add(lexeme(term)));
        anchors.prefixes().stream().sorted().forEach(prefix -> parts.add(lexeme(prefix) + ":*"));
        return parts.isEmpty() ? null : String.join(" | ", parts);
    }

    private static String lexeme(String term) {
        return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /**
     * @param matched how many of the checked posts the query matches
     * @param checked how many candidates the index gave and the matcher checked
     * @param complete false when there were more candidates than a test checks: {@code matched} is then a lower bound
     * @param since the start of the period searched
     */
    public record QueryTrial(long matched, int checked, boolean complete, Instant since, List<Sample> sample) {
    }

    /** A matching post and why it matches. */
    public record Sample(Post post, MatchExplanation why) {
    }
}
