package org.webcare.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.webcare.analysis.Analysis;
import org.webcare.analysis.AnalysisRequest;
import org.webcare.analysis.DetectedLanguage;
import org.webcare.analysis.Evaluation;
import org.webcare.analysis.LinguaLanguageDetector;
import org.webcare.analysis.PlainLexiconBaseline;
import org.webcare.analysis.PostAnalyzer;
import org.webcare.analysis.RuleSentimentAnalyzer;
import org.webcare.analysis.SentimentAnalyzer;
import org.webcare.shared.Intent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code analyze}, {@code eval} and {@code bench analyze}: analysis without the server or the database, so they
 * answer quickly and can be piped.
 */
final class AnalysisCommands {

    private static final ObjectMapper JSON = JsonLines.JSON;

    private final PrintStream out;
    private final PrintStream err;
    private Path model;

    AnalysisCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    private static List<String> languages() {
        String configured = System.getenv("WEBCARE_LANGUAGES");
        return configured == null || configured.isBlank() ? LinguaLanguageDetector.DEFAULT_LANGUAGES
                : List.of(configured.split("\\s*,\\s*"));
    }

    /** Reads posts as JSON Lines and writes one analysis a line; 1 when any line was bad. */
    int analyze(Reader input) {
        PostAnalyzer analyzer = PostAnalyzer.create(languages());
        boolean anyBad = JsonLines.forEachObject(input, err, post -> {
            Object id = JsonLines.id(post);
            JsonNode text = post.get("text");
            if (text == null || !text.isString()) {
                throw new IllegalArgumentException("\"text\" is required and must be a string");
            }
            Analysis analysis = analyzer.analyze(request(post, text.stringValue()));
            out.println(JSON.writeValueAsString(result(id, analysis)));
        });
        out.flush();
        return anyBad ? 1 : 0;
    }

    private static AnalysisRequest request(JsonNode post, String text) {
        String lang = optionalText(post, "lang");
        Long followers = null;
        JsonNode followersNode = post.get("followers");
        if (followersNode != null && !followersNode.isNull()) {
            if (!followersNode.isIntegralNumber() || followersNode.asLong() < 0) {
                throw new IllegalArgumentException("\"followers\" must be a whole number of 0 or more, got " + followersNode);
            }
            followers = followersNode.asLong();
        }
        List<String> handles = new ArrayList<>();
        JsonNode handlesNode = post.get("brandHandles");
        if (handlesNode != null && !handlesNode.isNull()) {
            if (!handlesNode.isArray()) {
                throw new IllegalArgumentException("\"brandHandles\" must be an array of strings");
            }
            handlesNode.forEach(handle -> handles.add(handle.asString()));
        }
        boolean privateMessage = post.has("private") && post.get("private").asBoolean();
        return new AnalysisRequest(text, lang, followers, handles, privateMessage, false, 0, 0);
    }

    private static String optionalText(JsonNode post, String field) {
        JsonNode node = post.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a string");
        }
        return node.stringValue();
    }

    private static Map<String, Object> result(Object id, Analysis analysis) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", id);
        result.put("lang", analysis.language().code());
        result.put("langConfidence", analysis.language().confidence());
        Map<String, Object> sentiment = new LinkedHashMap<>();
        sentiment.put("label", analysis.sentiment().label().json());
        sentiment.put("score", analysis.sentiment().score());
        result.put("sentiment", sentiment);
        result.put("intents", analysis.intents().stream().map(Intent::json).toList());
        result.put("addressed", analysis.addressed());
        return result;
    }

    /** {@code eval sentiment|intent|lang FILE [--split heldout|train] [--lang xx]}. */
    int eval(String what, Arguments args) {
        args.allowOnly(Set.of("split", "lang", "model"));
        if (args.positional().size() != 1) {
            throw new Arguments.UsageException("give one labelled file: eval " + what + " FILE");
        }
        Path file = Path.of(args.positional().getFirst());
        if (!Files.isReadable(file)) {
            throw new Arguments.UsageException("cannot read " + file);
        }
        List<Labelled> rows = Labelled.read(file, args.option("split").orElse(null));
        String forcedLang = args.option("lang").orElse(null);
        err.println("Evaluating " + what + " on " + rows.size() + " labelled posts from " + file.getFileName());
        model = args.option("model").map(Path::of).orElse(null);
        return switch (what) {
            case "sentiment" -> evalSentiment(rows, forcedLang);
            case "intent" -> evalIntent(rows, forcedLang);
            case "lang" -> evalLanguage(rows);
            default -> throw new Arguments.UsageException("eval what? sentiment, intent or lang");
        };
    }

    private int evalSentiment(List<Labelled> rows, String forcedLang) {
        LinguaLanguageDetector detector = new LinguaLanguageDetector(languages(), false);
        Map<String, SentimentAnalyzer> analyzers = new LinkedHashMap<>();
        RuleSentimentAnalyzer rules = RuleSentimentAnalyzer.load();
        SentimentAnalyzer trained = model == null ? org.webcare.analysis.ModelSentimentAnalyzer.load(rules)
                : org.webcare.analysis.ModelSentimentAnalyzer.load(rules, model);
        if (trained != rules) {
            analyzers.put("Webcare (trained model for English, rules for Dutch)", trained);
        }
        analyzers.put("Webcare (lexicon and rules)", rules);
        analyzers.put("Baseline (plain lexicon sum)", PlainLexiconBaseline.load());
        Map<String, Evaluation> evaluations = new LinkedHashMap<>();
        analyzers.keySet().forEach(name -> evaluations.put(name, new Evaluation(List.of("negative", "neutral", "positive"))));
        for (Labelled row : rows) {
            if (row.sentiment() == null) {
                throw new IllegalArgumentException(row.where() + ": no sentiment label");
            }
            String lang = forcedLang != null ? forcedLang : row.lang() != null ? row.lang() : readableAs(detector.detect(row.text()));
            analyzers.forEach((name, analyzer) ->
                    evaluations.get(name).add(row.sentiment(), analyzer.analyze(row.text(), lang).label().json()));
        }
        evaluations.forEach((name, evaluation) -> out.println(evaluation.report(name)));
        return 0;
    }

    private int evalIntent(List<Labelled> rows, String forcedLang) {
        PostAnalyzer analyzer = PostAnalyzer.create(languages());
        List<String> labels = java.util.Arrays.stream(Intent.values()).map(Intent::json).toList();
        Evaluation.MultiLabel evaluation = new Evaluation.MultiLabel(labels);
        for (Labelled row : rows) {
            if (row.intents() == null) {
                throw new IllegalArgumentException(row.where() + ": no intents label (use [] for none)");
            }
            Analysis analysis = analyzer.analyze(new AnalysisRequest(row.text(), forcedLang != null ? forcedLang : row.lang(),
                    null, List.of(), false, false, 0, 0));
            evaluation.add(row.intents(), analysis.intents().stream().map(Intent::json).collect(Collectors.toSet()));
        }
        out.println(evaluation.report("Webcare intents (rules)"));
        return 0;
    }

    private int evalLanguage(List<Labelled> rows) {
        LinguaLanguageDetector detector = new LinguaLanguageDetector(languages(), false);
        List<String> classes = new ArrayList<>(languages());
        classes.add(DetectedLanguage.UNKNOWN);
        Evaluation webcare = new Evaluation(classes);
        Evaluation linguaOnly = new Evaluation(classes);
        Evaluation shortPosts = new Evaluation(classes);
        long quickNanos = 0;
        long linguaNanos = 0;
        for (Labelled row : rows) {
            if (row.lang() == null) {
                throw new IllegalArgumentException(row.where() + ": no lang label");
            }
            long start = System.nanoTime();
            String detected = detector.detect(row.text()).code();
            long middle = System.nanoTime();
            String byLingua = detector.detectWithLinguaOnly(row.text()).code();
            long end = System.nanoTime();
            quickNanos += middle - start;
            linguaNanos += end - middle;
            webcare.add(row.lang(), detected);
            linguaOnly.add(row.lang(), byLingua);
            if (row.text().split("\\s+").length <= 5) {
                shortPosts.add(row.lang(), detected);
            }
        }
        out.println(webcare.report("Webcare (function words first, then Lingua), languages " + languages()));
        out.println(linguaOnly.report("Baseline: Lingua alone (high accuracy), same languages"));
        out.println(shortPosts.report("Webcare on posts of at most five words"));
        out.printf(Locale.ROOT, "time per post: Webcare %.0f µs, Lingua alone %.0f µs%n",
                quickNanos / 1e3 / Math.max(1, rows.size()), linguaNanos / 1e3 / Math.max(1, rows.size()));
        return 0;
    }

    /**
     * {@code train sentiment FILE --out MODEL [--split train|train-without-foldN]}: builds the English sentiment model
     * from labelled CSV or JSON Lines. Held-out rows ({@code id % 5 == 0}) are never used, whatever the split.
     */
    int train(String what, Arguments args) {
        args.allowOnly(Set.of("out", "split"));
        if (!"sentiment".equals(what) || args.positional().size() != 1) {
            throw new Arguments.UsageException("train sentiment FILE --out MODEL");
        }
        String split = args.option("split").orElse("train");
        if (!split.startsWith("train")) {
            throw new Arguments.UsageException("--split must be train or train-without-foldN: the held-out split is never trained on");
        }
        List<Labelled> rows = Labelled.read(Path.of(args.positional().getFirst()), split);
        List<Labelled> shuffled = new ArrayList<>(rows);
        java.util.Collections.shuffle(shuffled, new java.util.Random(20261123));
        Path out = Path.of(args.required("out"));
        try (var target = Files.newOutputStream(out)) {
            org.webcare.analysis.SentimentTraining.train(shuffled.stream().map(Labelled::text).toList(),
                    shuffled.stream().map(Labelled::sentiment).toList(), target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        err.println("Trained on " + rows.size() + " posts (" + split + "), model written to " + out);
        return 0;
    }

    private static String readableAs(DetectedLanguage language) {
        return "nl".equals(language.code()) ? "nl" : "en";
    }

    /** {@code bench analyze [FILE]}: posts per second on one thread and on all cores, and the heap the analysers hold. */
    int bench(Arguments args) {
        args.allowOnly(Set.of("seconds"));
        List<String> texts = args.positional().isEmpty() ? Labelled.demoTexts() : Labelled.texts(Path.of(args.positional().getFirst()));
        double seconds = Double.parseDouble(args.option("seconds").orElse("5"));
        long heapBefore = usedHeapAfterGc();
        long loading = System.nanoTime();
        PostAnalyzer analyzer = PostAnalyzer.create(languages());
        double loadSeconds = (System.nanoTime() - loading) / 1e9;
        long heapModels = usedHeapAfterGc() - heapBefore;
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "corpus: %d posts (%s), languages %s%n", texts.size(),
                args.positional().isEmpty() ? "demo conversations" : args.positional().getFirst(), languages());
        out.printf(Locale.ROOT, "loading analysers: %.2f s, heap held by them: %d MiB%n", loadSeconds, heapModels >> 20);
        run(analyzer, texts, 1, Math.min(2, seconds));
        double single = run(analyzer, texts, 1, seconds);
        double all = run(analyzer, texts, cores, seconds);
        LinguaLanguageDetector detector = new LinguaLanguageDetector(languages(), false);
        RuleSentimentAnalyzer sentimentOnly = RuleSentimentAnalyzer.load();
        org.webcare.analysis.RuleIntentClassifier intentsOnly = org.webcare.analysis.RuleIntentClassifier.load();
        org.webcare.analysis.Sentiment neutral = org.webcare.analysis.Sentiment.of(0);
        double languageRate = stage(texts, Math.min(2, seconds), detector::detect);
        double sentimentRate = stage(texts, Math.min(2, seconds), text -> sentimentOnly.analyze(text, "nl"));
        double intentRate = stage(texts, Math.min(2, seconds), text -> intentsOnly.classify(text, "nl", neutral));
        long peak = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        out.printf(Locale.ROOT, "one thread:        %,10.0f posts/s%n", single);
        out.printf(Locale.ROOT, "%d threads (cores): %,10.0f posts/s%n", cores, all);
        out.printf(Locale.ROOT, "stages, one thread: language %,.0f/s, sentiment %,.0f/s, intents %,.0f/s%n",
                languageRate, sentimentRate, intentRate);
        out.printf(Locale.ROOT, "heap in use after the run: %d MiB (max heap %d MiB)%n", peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        return 0;
    }

    private static double stage(List<String> texts, double seconds, java.util.function.Consumer<String> step) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long done = 0;
        while (System.nanoTime() < deadline) {
            step.accept(texts.get((int) (done++ % texts.size())));
        }
        return done / ((System.nanoTime() - start) / 1e9);
    }

    private static double run(PostAnalyzer analyzer, List<String> texts, int threads, double seconds) {
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                workers.add(pool.submit(() -> {
                    int i = offset;
                    while (System.nanoTime() < deadline) {
                        analyzer.analyze(AnalysisRequest.of(texts.get(i++ % texts.size())));
                        done.incrementAndGet();
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /**
     * A labelled post. Read from JSON Lines ({@code text}, {@code sentiment}, {@code intents}, {@code lang}), CSV with
     * a header ({@code text} and {@code sentiment} or {@code airline_sentiment}, optional {@code lang}, id column
     * {@code tweet_id} or {@code id}) or VADER's tab-separated gold file ({@code id, mean rating -4…4, text}: positive
     * above 0.05, negative below -0.05, neutral between).
     */
    record Labelled(String where, String text, String lang, String sentiment, Set<String> intents) {

        static List<Labelled> read(Path file, String split) {
            String name = file.getFileName().toString();
            List<Labelled> rows;
            if (name.endsWith(".jsonl") || name.endsWith(".json")) {
                rows = jsonLines(file, split);
            } else if (name.endsWith(".csv")) {
                rows = csv(file, split);
            } else {
                rows = tsv(file, split);
            }
            return rows;
        }

        private static boolean inSplit(String id, String split) {
            if (split == null || split.equals("all")) {
                return true;
            }
            long numeric;
            try {
                numeric = Long.parseLong(id.replaceAll("\\.0$", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--split needs numeric ids, got '" + id + "'");
            }
            if (split.matches("fold[1-4]")) {
                return numeric % 5 == split.charAt(4) - '0';
            }
            if (split.matches("train-without-fold[1-4]")) {
                return numeric % 5 != 0 && numeric % 5 != split.charAt(split.length() - 1) - '0';
            }
            return switch (split) {
                case "heldout" -> numeric % 5 == 0;
                case "train" -> numeric % 5 != 0;
                default -> throw new Arguments.UsageException("--split is heldout, train, all, fold1…fold4 or train-without-fold1…4");
            };
        }

        private static List<Labelled> jsonLines(Path file, String split) {
            List<Labelled> rows = new ArrayList<>();
            int number = 0;
            for (String line : lines(file)) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                String where = file.getFileName() + " line " + number;
                if (node.get("text") == null) {
                    throw new IllegalArgumentException(where + ": no \"text\"");
                }
                String id = node.has("id") ? node.get("id").asString() : String.valueOf(number);
                if (!inSplit(id, split)) {
                    continue;
                }
                Set<String> intents = null;
                if (node.has("intents")) {
                    intents = new TreeSet<>();
                    for (JsonNode intent : node.get("intents")) {
                        intents.add(intent.asString().toLowerCase(Locale.ROOT));
                    }
                }
                rows.add(new Labelled(where, node.get("text").asString(), text(node, "lang"), text(node, "sentiment"), intents));
            }
            return rows;
        }

        private static String text(JsonNode node, String field) {
            return node.has(field) && !node.get(field).isNull() ? node.get(field).asString().toLowerCase(Locale.ROOT) : null;
        }

        private static List<Labelled> csv(Path file, String split) {
            List<Labelled> rows = new ArrayList<>();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
                for (CSVRecord record : format.parse(reader)) {
                    String id = record.isMapped("tweet_id") ? record.get("tweet_id") : record.isMapped("id") ? record.get("id") : String.valueOf(record.getRecordNumber());
                    if (!inSplit(id, split)) {
                        continue;
                    }
                    String sentiment = record.isMapped("sentiment") ? record.get("sentiment")
                            : record.isMapped("airline_sentiment") ? record.get("airline_sentiment") : null;
                    rows.add(new Labelled(file.getFileName() + " record " + record.getRecordNumber(), record.get("text"),
                            record.isMapped("lang") ? record.get("lang") : null, sentiment, null));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return rows;
        }

        private static List<Labelled> tsv(Path file, String split) {
            List<Labelled> rows = new ArrayList<>();
            int number = 0;
            for (String line : lines(file)) {
                number++;
                String[] parts = line.split("\t", 3);
                if (parts.length < 3) {
                    continue;
                }
                if (!inSplit(parts[0], split)) {
                    continue;
                }
                double mean = Double.parseDouble(parts[1]);
                String label = mean > 0.05 ? "positive" : mean < -0.05 ? "negative" : "neutral";
                rows.add(new Labelled(file.getFileName() + " line " + number, parts[2], null, label, null));
            }
            return rows;
        }

        static List<String> texts(Path file) {
            return read(file, null).stream().map(Labelled::text).toList();
        }

        static List<String> demoTexts() {
            var in = AnalysisCommands.class.getClassLoader().getResourceAsStream("demo/conversations.jsonl");
            List<String> texts = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    JSON.readTree(line).get("posts").forEach(post -> texts.add(post.get("text").asString()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return texts;
        }

        private static List<String> lines(Path file) {
            try {
                return Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
