package org.webcare.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.springframework.jdbc.core.JdbcTemplate;
import org.webcare.channel.ChannelType;
import org.webcare.channel.Channels;
import org.webcare.intake.PostArchive;
import org.webcare.listening.MatchablePost;
import org.webcare.listening.Query;
import org.webcare.listening.QueryParser;

/**
 * {@code bench archive}: the query test of the Listening page (PostgreSQL full-text narrowing on the folded terms,
 * then the matcher on every candidate) against the baseline of running the matcher over every post of the 30 days,
 * on a fresh embedded database loaded with real support tweets spread over 30 days. Both run in this process, on the
 * same database, and must give the same count.
 */
final class ArchiveBenchmark {

    private static final Duration PERIOD = Duration.ofDays(30);
    private static final int BATCH = 2_000;
    /** Shaped like the queries people test: a brand anchor, synonyms, a phrase, a prefix, one rare term. */
    private static final List<String> QUERIES = List.of(
            "refund*",
            "(battery OR charger OR charging) AND NOT iphone",
            "\"customer service\"",
            "delayed NEAR/3 package",
            "spotify AND (playlist OR premium)",
            "xbox");

    private final PrintStream out;
    private final JdbcTemplate jdbc;
    private final Channels channels;
    private final PostArchive archive;

    ArchiveBenchmark(PrintStream out, JdbcTemplate jdbc, Channels channels, PostArchive archive) {
        this.out = out;
        this.jdbc = jdbc;
        this.channels = channels;
        this.archive = archive;
    }

    int run(Path corpus, int posts, int rounds) {
        List<String> texts = MatchBenchmark.posts(corpus);
        long started = System.nanoTime();
        load(texts, posts);
        out.printf(Locale.ROOT, "loaded %,d posts (%,d distinct texts from %s) over the last 30 days in %.1f s%n",
                posts, texts.size(), corpus.getFileName(), (System.nanoTime() - started) / 1e9);
        jdbc.execute("analyze post");
        out.printf(Locale.ROOT, "%-48s %9s %10s %12s %12s %8s%n", "query", "matches", "candidates", "test ms", "scan ms", "ratio");
        for (String text : QUERIES) {
            Query query = QueryParser.parse(text);
            PostArchive.QueryTrial trial = null;
            long count = 0;
            double ours = Double.MAX_VALUE;
            double scan = Double.MAX_VALUE;
            // Best of a few rounds each, alternating, so caching favours neither.
            for (int round = 0; round < rounds; round++) {
                long t0 = System.nanoTime();
                trial = archive.trial(query, PERIOD, 10);
                ours = Math.min(ours, (System.nanoTime() - t0) / 1e6);
                long t1 = System.nanoTime();
                count = archive.countByScanning(query, PERIOD);
                scan = Math.min(scan, (System.nanoTime() - t1) / 1e6);
            }
            String matches = trial.complete() ? String.valueOf(trial.matched()) : trial.matched() + "+";
            out.printf(Locale.ROOT, "%-48s %9s %10d %12.1f %12.1f %7.1fx%s%n", text, matches, trial.checked(), ours, scan,
                    scan / ours, trial.complete() && trial.matched() != count ? "  COUNTS DIFFER: scan " + count : "");
        }
        return 0;
    }

    /** Real texts, repeated with a random time in the period, each with the terms intake would index. */
    private void load(List<String> texts, int posts) {
        long brand = channels.createBrand("Benchmark " + System.currentTimeMillis()).id();
        long channel = channels.createChannel(brand, ChannelType.DEMO, "archive", null, true).channel().id();
        Random random = new Random(42);
        long now = Instant.now().toEpochMilli();
        List<Object[]> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < posts; i++) {
            String text = texts.get(i % texts.size());
            MatchablePost matchable = MatchablePost.of(text, java.util.Map.of(), null);
            Timestamp at = new Timestamp(now - (long) (random.nextDouble() * PERIOD.toMillis()));
            batch.add(new Object[] {channel, "bench-" + i, "@author" + random.nextInt(5_000), text, at, i % 4 == 0 ? "NEGATIVE" : "NEUTRAL",
                    matchable.distinctTerms().toArray(String[]::new)});
            if (batch.size() == BATCH || i == posts - 1) {
                jdbc.batchUpdate("""
                        insert into post (channel_id, external_id, author_handle, text, visibility, created_at, thread_id,
                                          sentiment, lang, channel_type, search_terms)
                        values (?, ?, ?, ?, 'PUBLIC', ?, 0, ?, 'en', 'demo', array_to_tsvector(?))
                        """, batch);
                batch.clear();
            }
        }
    }
}
