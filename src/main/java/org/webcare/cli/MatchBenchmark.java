package org.webcare.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.TermQuery;
import org.webcare.listening.MatchablePost;
import org.webcare.listening.Query;
import org.webcare.listening.QueryMatcher;
import org.webcare.listening.QueryParser;

/**
 * {@code bench match}: the listening matcher against Lucene Monitor (term-filtered presearcher) and brute force
 * (every query on a Lucene MemoryIndex of the post), on real support tweets and generated queries shaped like real
 * listening queries, all in one process.
 */
final class MatchBenchmark {

    private static final String FIELD = "text";
    private static final Pattern WORD = Pattern.compile("[\\p{L}]{4,}");

    private final PrintStream out;

    MatchBenchmark(PrintStream out) {
        this.out = out;
    }

    int run(Path corpus, double seconds) {
        List<String> posts = posts(corpus);
        List<Generated> allQueries = generate(posts, 10_000, new Random(20261123));
        out.printf(Locale.ROOT, "corpus: %d posts from %s; queries: brand terms, a AND b, (a OR b OR c) AND NOT d, phrases,"
                + " prefix wildcards, OR-lists of 10; %.0f s per figure%n", posts.size(), corpus.getFileName(), seconds);
        out.printf(Locale.ROOT, "%8s | %14s %10s | %14s %8s | %14s %8s%n", "queries", "Webcare", "cand/post",
                "Lucene Monitor", "ratio", "brute force", "ratio");
        for (int count : new int[] {1, 100, 1_000, 10_000}) {
            List<Generated> queries = allQueries.subList(0, count);
            Map<String, Query> compiled = new LinkedHashMap<>();
            queries.forEach(q -> compiled.put(q.id(), QueryParser.parse(q.text())));
            QueryMatcher matcher = QueryMatcher.of(compiled);
            long candidates = 0;
            long ourMatches = 0;
            for (String text : posts) {
                MatchablePost post = MatchablePost.of(text, Map.of(), null);
                candidates += matcher.candidateCount(post);
                ourMatches += matcher.match(post).size();
            }
            Rate ours = rate(posts, seconds, text -> matcher.match(MatchablePost.of(text, Map.of(), null)));
            Rate monitorRate;
            long[] monitorMatches = new long[1];
            try (Monitor monitor = new Monitor(analyzer(), new TermFilteredPresearcher())) {
                List<MonitorQuery> monitorQueries = new ArrayList<>();
                queries.forEach(q -> monitorQueries.add(new MonitorQuery(q.id(), q.lucene())));
                monitor.register(monitorQueries);
                monitorRate = rate(posts, seconds, text -> {
                    Document document = new Document();
                    document.add(new TextField(FIELD, text, Field.Store.NO));
                    try {
                        monitorMatches[0] += monitor.match(document, QueryMatch.SIMPLE_MATCHER).getMatchCount();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Analyzer analyzer = analyzer();
            Rate bruteRate = rate(posts, seconds, text -> {
                MemoryIndex index = new MemoryIndex();
                index.addField(FIELD, text, analyzer);
                for (Generated query : queries) {
                    index.search(query.lucene());
                }
            });
            out.printf(Locale.ROOT, "%8d | %,12.0f/s %10.1f | %,12.0f/s %7.1f× | %,12.0f/s %7.1f×%n", count, ours.perSecond(),
                    (double) candidates / posts.size(), monitorRate.perSecond(), ours.perSecond() / monitorRate.perSecond(),
                    bruteRate.perSecond(), ours.perSecond() / bruteRate.perSecond());
            out.printf(Locale.ROOT, "         matches per 1,000 posts: Webcare %.1f, Lucene Monitor %.1f%n",
                    1000.0 * ourMatches / posts.size(), 1000.0 * monitorMatches[0] / monitorRate.steps());
        }
        return 0;
    }

    /** Posts per second, and how many steps were counted (warm-up included, for per-post averages). */
    private record Rate(double perSecond, long steps) {
    }

    /** Posts per second over the time given, going round the corpus; the first second warms up. */
    private static Rate rate(List<String> posts, double seconds, java.util.function.Consumer<String> step) {
        long warmUp = System.nanoTime() + 1_000_000_000L;
        int i = 0;
        while (System.nanoTime() < warmUp) {
            step.accept(posts.get(i++ % posts.size()));
        }
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long done = 0;
        while (System.nanoTime() < deadline) {
            step.accept(posts.get(i++ % posts.size()));
            done++;
        }
        return new Rate(done / ((System.nanoTime() - start) / 1e9), i);
    }

    private static Analyzer analyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    /** The {@code text} column of a CSV corpus such as twcs. */
    static List<String> posts(Path corpus) {
        List<String> posts = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                posts.add(record.get("text"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + corpus + ": " + e.getMessage(), e);
        }
        return posts;
    }

    /** A query both as Webcare's query text and as the equivalent Lucene query. */
    private record Generated(String id, String text, org.apache.lucene.search.Query lucene) {
    }

    /** Queries from the corpus's own words, mixed like real listening setups, reproducible by the seed. */
    private static List<Generated> generate(List<String> posts, int count, Random random) {
        Map<String, Integer> frequency = new HashMap<>();
        Map<String, Integer> bigrams = new HashMap<>();
        for (String post : posts) {
            Matcher matcher = WORD.matcher(fold(post));
            String previous = null;
            while (matcher.find()) {
                frequency.merge(matcher.group(), 1, Integer::sum);
                if (previous != null) {
                    bigrams.merge(previous + " " + matcher.group(), 1, Integer::sum);
                }
                previous = matcher.group();
            }
        }
        List<String> words = frequency.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).toList();
        List<String> phrases = bigrams.entrySet().stream().filter(e -> e.getValue() >= 2)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        List<Generated> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = "q" + i;
            int kind = random.nextInt(100);
            if (kind < 25) {
                String w = pick(words, random, 100, words.size());
                queries.add(new Generated(id, w, term(w)));
            } else if (kind < 45) {
                String a = pick(words, random, 20, 3000);
                String b = pick(words, random, 20, 3000);
                queries.add(new Generated(id, a + " AND " + b, and(List.of(term(a), term(b)), List.of())));
            } else if (kind < 65) {
                String a = pick(words, random, 50, 5000);
                String b = pick(words, random, 50, 5000);
                String c = pick(words, random, 50, 5000);
                String d = pick(words, random, 20, 2000);
                queries.add(new Generated(id, "(" + a + " OR " + b + " OR " + c + ") AND NOT " + d,
                        and(List.of(or(List.of(a, b, c))), List.of(term(d)))));
            } else if (kind < 80 && !phrases.isEmpty()) {
                String phrase = phrases.get(random.nextInt(Math.min(phrases.size(), 3000)));
                String[] parts = phrase.split(" ");
                queries.add(new Generated(id, "\"" + phrase + "\"", new PhraseQuery(FIELD, parts)));
            } else if (kind < 90) {
                String w = pick(words, random, 200, 4000);
                String prefix = w.substring(0, Math.min(w.length(), 4 + random.nextInt(2)));
                queries.add(new Generated(id, prefix + "*", new PrefixQuery(new Term(FIELD, prefix))));
            } else {
                List<String> synonyms = new ArrayList<>();
                for (int s = 0; s < 10; s++) {
                    synonyms.add(pick(words, random, 300, words.size()));
                }
                queries.add(new Generated(id, String.join(" OR ", synonyms), or(synonyms)));
            }
        }
        return queries;
    }

    private static String pick(List<String> words, Random random, int from, int to) {
        int upper = Math.min(words.size(), to);
        int lower = Math.min(from, upper - 1);
        return words.get(lower + random.nextInt(Math.max(1, upper - lower)));
    }

    private static org.apache.lucene.search.Query term(String word) {
        return new TermQuery(new Term(FIELD, word));
    }

    private static org.apache.lucene.search.Query or(List<String> words) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        words.forEach(word -> builder.add(term(word), BooleanClause.Occur.SHOULD));
        return builder.build();
    }

    private static org.apache.lucene.search.Query and(List<org.apache.lucene.search.Query> must,
                                                      List<org.apache.lucene.search.Query> mustNot) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        must.forEach(query -> builder.add(query, BooleanClause.Occur.MUST));
        mustNot.forEach(query -> builder.add(query, BooleanClause.Occur.MUST_NOT));
        if (must.isEmpty()) {
            builder.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        return builder.build();
    }

    private static String fold(String text) {
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

}
