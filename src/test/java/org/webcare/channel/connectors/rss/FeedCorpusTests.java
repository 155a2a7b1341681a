package org.webcare.channel.connectors.rss;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.webcare.channel.ConnectorException;

/**
 * The parser over the Python feedparser project's test corpus (BSD-2-Clause): well-formed, ill-formed, encoding and
 * entity feeds. No file may crash it (a clean "not a feed" is allowed); the simple expectations each file states in its
 * {@code Expect:} comment are counted, per kind.
 */
class FeedCorpusTests {

    private static final Path CORPUS = Path.of("../shared/data/feeds/feedparser-tests");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/rss/feedparser");
    private static final Pattern EXPECT = Pattern.compile("Expect:\\s*(.*?)\\s*(-->|\\n)");
    /** The HTTP header the corpus's own server would have sent with the file. */
    private static final Pattern CONTENT_TYPE = Pattern.compile("(?i)Header:\\s*Content-type:\\s*([^\\n]+)");
    private static final Pattern CLAUSE = Pattern.compile(
            "(feed\\['title'\\]|encoding|entries\\[(\\d+)\\](?:\\['(\\w+)'\\]|\\.(\\w+)))\\s*==\\s*(.+)");

    private final FeedParser parser = new FeedParser();

    @Test
    void neverCrashesOnTheWholeCorpus() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS),
                "the feedparser corpus is not at " + CORPUS.toAbsolutePath() + "; the fixtures test covers a sample of it");
        Tally tally = run(CORPUS);
        tally.print("feedparser corpus");
        assertThat(tally.crashes).as("files that crashed the parser").isEmpty();
        assertThat(tally.files).isGreaterThan(2_000);
    }

    @Test
    void neverCrashesOnTheSampleAndMeetsItsExpectations() throws IOException {
        Tally tally = run(FIXTURES);
        tally.print("fixtures sample");
        assertThat(tally.crashes).isEmpty();
        assertThat(tally.files).isGreaterThanOrEqualTo(30);
        int checked = tally.checked.values().stream().mapToInt(Integer::intValue).sum();
        int met = tally.met.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(checked).isGreaterThanOrEqualTo(40);
        assertThat(met).as("expectations met of " + checked).isGreaterThanOrEqualTo(checked * 3 / 4);
    }

    private Tally run(Path root) throws IOException {
        Tally tally = new Tally();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(path -> {
                String name = path.getFileName().toString();
                return name.endsWith(".xml") || name.endsWith(".json");
            }).sorted().toList();
        }
        for (Path file : files) {
            tally.files++;
            byte[] body = Files.readAllBytes(file);
            URI base = URI.create("http://127.0.0.1:8097/tests/" + root.relativize(file).toString().replace('\\', '/'));
            Matcher header = CONTENT_TYPE.matcher(new String(body, StandardCharsets.ISO_8859_1));
            FeedParser.Feed feed;
            try {
                feed = parser.parse(body, header.find() ? header.group(1).strip() : null, base);
            } catch (ConnectorException.Permanent e) {
                tally.rejected++;
                continue;
            } catch (RuntimeException | StackOverflowError e) {
                tally.crashes.add(root.relativize(file) + ": " + e);
                continue;
            }
            tally.parsed++;
            Matcher expect = EXPECT.matcher(new String(body, StandardCharsets.ISO_8859_1));
            if (expect.find()) {
                for (String clause : clauses(expect.group(1))) {
                    check(clause, feed, tally);
                }
            }
        }
        return tally;
    }

    /** The expression's top-level {@code and} parts. */
    private static List<String> clauses(String expression) {
        List<String> clauses = new ArrayList<>();
        int start = 0;
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (expression.startsWith(" and ", i)) {
                clauses.add(expression.substring(start, i).strip());
                start = i + 5;
            }
        }
        clauses.add(expression.substring(start).strip());
        return clauses;
    }

    private static void check(String clause, FeedParser.Feed feed, Tally tally) {
        Matcher matcher = CLAUSE.matcher(clause);
        if (!matcher.matches() || matcher.group(5).contains(" == ")) {
            return;
        }
        String rhs = matcher.group(5).strip();
        if (matcher.group(1).equals("feed['title']")) {
            tally.count("feed title", string(rhs), feed.title(), FeedCorpusTests::sameTextOfHtml);
            return;
        }
        if (matcher.group(1).equals("encoding")) {
            tally.count("encoding", string(rhs), feed.encoding(), (want, got) -> got != null && got.equalsIgnoreCase(want));
            return;
        }
        int index = Integer.parseInt(matcher.group(2));
        String field = matcher.group(3) != null ? matcher.group(3) : matcher.group(4);
        FeedParser.Item item = index < feed.items().size() ? feed.items().get(index) : null;
        switch (field) {
            case "title" -> tally.count("entry title", string(rhs), item == null ? null : item.title(), FeedCorpusTests::sameTextOfHtml);
            case "link" -> tally.count("entry link", string(rhs), item == null ? null : item.link(), String::equals);
            case "author" -> tally.count("entry author", string(rhs), item == null ? null : item.author(), FeedCorpusTests::sameText);
            case "id" -> tally.count("entry id", string(rhs), item == null ? null : item.id(), String::equals);
            case "description", "summary" -> tally.count("entry summary (as text)", string(rhs),
                    item == null ? null : item.summary(), FeedCorpusTests::sameTextOfHtml);
            case "published_parsed", "updated_parsed", "date_parsed" -> tally.count("entry date", date(rhs),
                    item == null ? null : item.published(), Instant::equals);
            default -> {
            }
        }
    }

    /** feedparser keeps (sanitised) HTML where Webcare keeps plain text: the expectation's text is compared. */
    private static boolean sameTextOfHtml(String want, String got) {
        return sameText(Jsoup.parse(want).text(), got);
    }

    private static boolean sameText(String want, String got) {
        String a = want == null ? "" : want.replaceAll("\\s+", " ").strip();
        String b = got == null ? "" : got.replaceAll("\\s+", " ").strip();
        return a.equals(b);
    }

    /** A Python string literal ({@code u'...'}, {@code '...'}, {@code "..."}) with its escapes; {@code null} if it is none. */
    static String string(String literal) {
        String text = literal.startsWith("u") ? literal.substring(1) : literal;
        if (text.length() < 2 || (text.charAt(0) != '\'' && text.charAt(0) != '"') || text.charAt(text.length() - 1) != text.charAt(0)) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length() - 1) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'x' -> {
                    out.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'U' -> {
                    out.appendCodePoint(Integer.parseInt(text.substring(i + 1, i + 9), 16));
                    i += 8;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    /** A {@code time.struct_time} tuple, in UTC; {@code null} if it is none. */
    private static Instant date(String tuple) {
        Matcher matcher = Pattern.compile("\\((\\d+), (\\d+), (\\d+), (\\d+), (\\d+), (\\d+),.*\\)").matcher(tuple);
        if (!matcher.matches()) {
            return null;
        }
        int[] f = new int[6];
        for (int i = 0; i < 6; i++) {
            f[i] = Integer.parseInt(matcher.group(i + 1));
        }
        return ZonedDateTime.of(f[0], f[1], f[2], f[3], f[4], f[5], 0, ZoneOffset.UTC).toInstant();
    }

    @SuppressWarnings("unchecked")
    private static final class Tally {
        int files;
        int parsed;
        int rejected;
        final List<String> crashes = new ArrayList<>();
        final Map<String, Integer> checked = new TreeMap<>();
        final Map<String, Integer> met = new TreeMap<>();

        <T> void count(String kind, T want, T got, BiFunction<T, T, Boolean> same) {
            if (want == null) {
                return;
            }
            checked.merge(kind, 1, Integer::sum);
            boolean nothingWantedNothingGot = got == null && want instanceof String text && same.apply(want, (T) "");
            if (nothingWantedNothingGot || got != null && same.apply(want, got)) {
                met.merge(kind, 1, Integer::sum);
            } else if (Boolean.getBoolean("webcare.corpus.verbose")) {
                System.out.println("  MISS " + kind + ": want <" + want + "> got <" + got + ">");
            }
        }

        void print(String what) {
            int allChecked = checked.values().stream().mapToInt(Integer::intValue).sum();
            int allMet = met.values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf(Locale.ROOT, "%s: %d files, %d parsed, %d rejected as not a feed, %d crashed; "
                    + "expectations checked %d, met %d%n", what, files, parsed, rejected, crashes.size(), allChecked, allMet);
            checked.forEach((kind, count) -> System.out.printf(Locale.ROOT, "  %-26s %4d of %4d%n", kind,
                    met.getOrDefault(kind, 0), count));
            crashes.forEach(crash -> System.out.println("  CRASH " + crash));
        }
    }
}
