package org.webcare.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.reporting.KpiDimension;
import org.webcare.reporting.KpiQuery;
import org.webcare.reporting.KpiReport;
import org.webcare.reporting.KpiReports;
import org.webcare.reporting.KpiRow;
import org.webcare.support.IntegrationTest;

/**
 * Real customer-service history replayed and measured: the dataset's sample of whole conversations, imported, gives
 * per brand the reply times the file itself says. The sample is imported under its own account names (a suffix per
 * run, tweet ids shifted), so other tests' imports of the same brands' tweets do not mix into its figures.
 */
class ImportedHistoryKpiTests extends IntegrationTest {

    @Autowired
    TwcsImport twcs;
    @Autowired
    KpiReports reports;
    @Autowired
    org.webcare.cases.Cases cases;

    @org.junit.jupiter.api.AfterEach
    void putImportedCasesAway() {
        ImportedCasesCleanup.resolveOpenImportedCases(jdbc, cases);
    }

    @TempDir
    Path temp;

    @Test
    void replyTimesPerBrandAreTheFilesOwn() throws Exception {
        String suffix = "_" + Long.toString(System.nanoTime() % 1_000_000, 36);
        long shift = 9_000_000_000L + (System.nanoTime() % 1_000_000) * 1_000;
        Path file = renamed(TwcsImportSampleTests.SAMPLE, suffix, shift);
        Map<String, TwcsImportSampleTests.Tweet> tweets = TwcsImportSampleTests.tweets(file);

        // Expected, from the file alone: each brand tweet is a reply to the customer tweet it answers (through the
        // brand's own earlier tweet when it answers that), timed from that customer tweet.
        Map<String, List<Double>> expected = new TreeMap<>();
        int direct = 0;
        for (TwcsImportSampleTests.Tweet t : tweets.values()) {
            if (t.inbound()) {
                continue;
            }
            TwcsImportSampleTests.Tweet parent = tweets.get(t.parent());
            if (parent != null && parent.inbound()) {
                direct++;
            }
            while (parent != null && !parent.inbound()) {
                parent = tweets.get(parent.parent());
            }
            if (parent != null) {
                expected.computeIfAbsent(t.author(), a -> new ArrayList<>())
                        .add(Duration.between(parent.at(), t.at()).toMillis() / 60_000.0);
            }
        }
        assertThat(direct).isEqualTo(42);

        twcs.run(file, Duration.ofHours(24), ImportProgress.NONE);

        Instant from = tweets.values().stream().map(TwcsImportSampleTests.Tweet::at).min(Instant::compareTo).orElseThrow();
        Instant to = tweets.values().stream().map(TwcsImportSampleTests.Tweet::at).max(Instant::compareTo).orElseThrow();
        KpiReport report = reports.report(new KpiQuery(from.minusSeconds(1), to.plusSeconds(1), null, null, null, null), KpiDimension.BRAND);
        Map<String, KpiRow> rows = new HashMap<>();
        report.rows().stream().filter(r -> r.label().endsWith(suffix)).forEach(r -> rows.put(r.label(), r));

        assertThat(rows.keySet()).containsAll(expected.keySet());
        List<Double> all = new ArrayList<>();
        for (var brand : expected.entrySet()) {
            KpiRow row = rows.get(brand.getKey());
            List<Double> minutes = brand.getValue();
            all.addAll(minutes);
            assertThat(row.replyTime().count()).as(brand.getKey()).isEqualTo(minutes.size());
            assertThat(row.replyTime().medianMinutes()).as(brand.getKey()).isCloseTo(percentile(minutes, 0.5), within(1e-6));
            assertThat(row.replyTime().p90Minutes()).as(brand.getKey()).isCloseTo(percentile(minutes, 0.9), within(1e-6));
            assertThat(row.answered()).as(brand.getKey()).isPositive();
        }
        // The data set's own description: a median reply time of about 51 minutes.
        assertThat(percentile(all, 0.5)).isBetween(45.0, 57.0);
        assertThat(rows.values().stream().mapToLong(r -> r.replyTime().count()).sum()).isEqualTo(all.size());
    }

    /** Linear interpolation between closest ranks, as PostgreSQL's percentile_cont. */
    static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        double position = p * (sorted.size() - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted.get(lower) + (position - lower) * (sorted.get(upper) - sorted.get(lower));
    }

    /** The sample with every support account renamed (also where tweets mention it) and every tweet id shifted. */
    private Path renamed(Path sample, String suffix, long shift) throws Exception {
        List<CSVRecord> records;
        try (Reader reader = Files.newBufferedReader(sample, StandardCharsets.UTF_8)) {
            records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
        List<String> accounts = records.stream().filter(r -> r.get("inbound").equals("False")).map(r -> r.get("author_id"))
                .distinct().sorted((a, b) -> b.length() - a.length()).toList();
        Path file = temp.resolve("sample" + suffix + ".csv");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            out.printRecord("tweet_id", "author_id", "inbound", "created_at", "text", "response_tweet_id", "in_response_to_tweet_id");
            for (CSVRecord r : records) {
                String author = r.get("inbound").equals("False") ? r.get("author_id") + suffix : r.get("author_id");
                String text = r.get("text");
                for (String account : accounts) {
                    text = text.replace("@" + account, "@" + account + suffix);
                }
                out.printRecord(shifted(r.get("tweet_id"), shift), author, r.get("inbound"), r.get("created_at"), text,
                        shiftedList(r.get("response_tweet_id"), shift), shifted(r.get("in_response_to_tweet_id"), shift));
            }
        }
        return file;
    }

    private static String shifted(String id, long shift) {
        String clean = id.replace(".0", "").strip();
        return clean.isEmpty() ? "" : Long.toString(Long.parseLong(clean) + shift);
    }

    private static String shiftedList(String ids, long shift) {
        if (ids.isBlank()) {
            return "";
        }
        return String.join(",", java.util.Arrays.stream(ids.split(",")).map(id -> shifted(id, shift)).toList());
    }
}
