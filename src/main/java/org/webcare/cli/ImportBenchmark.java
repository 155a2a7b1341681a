package org.webcare.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.webcare.imports.ImportProgress;
import org.webcare.imports.ImportSummary;
import org.webcare.imports.TwcsImport;

/**
 * {@code bench import}: generates a twcs-format CSV of N rows with realistic threads (a customer tweet mentioning one
 * of ~100 brands, the brand's signed reply, sometimes a follow-up and a second reply; texts drawn from the real twcs
 * sample when it is readable), imports it into a fresh embedded database, and imports it again (the idempotent second
 * pass). Prints rows per second, seconds per million rows and the peak heap used while importing.
 */
final class ImportBenchmark {

    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss xx yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final int BRANDS = 100;

    private final PrintStream out;
    private final TwcsImport imports;

    ImportBenchmark(PrintStream out, TwcsImport imports) {
        this.out = out;
        this.imports = imports;
    }

    int run(Path corpus, int rows) {
        Texts texts = Texts.of(corpus);
        out.println("texts: " + (texts.customers().size() > 1 ? texts.customers().size() + " customer and "
                + texts.brands().size() + " brand tweets from " + corpus.getFileName() : "generated sentences"));
        Path file;
        try {
            file = Files.createTempFile("webcare-bench-twcs", ".csv");
            generate(file, rows, texts, new Random(42));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            out.printf(Locale.ROOT, "machine: %d processors, max heap %d MB; file: %,d rows, %.1f MB%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, rows,
                    Files.size(file) / 1e6);
            HeapWatch heap = HeapWatch.start();
            ImportSummary first = imports.run(file, Duration.ofHours(24), ImportProgress.NONE);
            long peak = heap.stop();
            out.printf(Locale.ROOT, "first import: %,d rows in %.1f s = %,.0f rows/s = %.0f s per million rows; %,d posts, "
                            + "%,d replies, %,d cases resolved, %,d skipped%n", first.rowsRead(), first.seconds(),
                    first.rowsRead() / first.seconds(), first.seconds() * 1e6 / first.rowsRead(), first.postsStored(),
                    first.repliesRecorded(), first.casesResolved(), first.skipped());
            out.printf(Locale.ROOT, "peak heap used while importing: %d MB%n", peak >> 20);
            ImportSummary second = imports.run(file, Duration.ofHours(24), ImportProgress.NONE);
            out.printf(Locale.ROOT, "second import (idempotent): %.1f s, %,d posts and %,d replies added, %,d duplicates%n",
                    second.seconds(), second.postsStored(), second.repliesRecorded(), second.duplicates());
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file
            }
        }
    }

    /** Threads in the order the real file has them (not by time): customer tweet, reply, sometimes more. */
    static void generate(Path file, int rows, Texts texts, Random random) throws IOException {
        Instant start = Instant.now().minus(Duration.ofDays(90));
        long nextId = 1_000_000;
        int written = 0;
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            csv.printRecord("tweet_id", "author_id", "inbound", "created_at", "text", "response_tweet_id", "in_response_to_tweet_id");
            while (written < rows) {
                String brand = String.format(Locale.ROOT, "Brand%03dCare", random.nextInt(BRANDS));
                String customer = String.valueOf(100_000 + random.nextInt(5_000_000));
                Instant at = start.plusSeconds(random.nextInt(60 * 24 * 3600));
                int length = random.nextDouble() < 0.3 ? 4 : 2;
                length = Math.min(length, rows - written);
                List<String[]> thread = new ArrayList<>();
                long parent = -1;
                for (int i = 0; i < length; i++) {
                    boolean inbound = i % 2 == 0;
                    long id = nextId++;
                    String text = inbound
                            ? "@" + brand + " " + texts.customer(random)
                            : texts.brand(random) + " ^" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
                    thread.add(new String[] {String.valueOf(id), inbound ? customer : brand, inbound ? "True" : "False",
                            CREATED_AT.format(at), text, "", parent < 0 ? "" : parent + ".0"});
                    if (i > 0) {
                        thread.get(i - 1)[5] = String.valueOf(id);
                    }
                    parent = id;
                    at = at.plusSeconds(60 + (long) (-Math.log(1 - random.nextDouble()) * 50 * 60));
                }
                for (String[] row : thread) {
                    csv.printRecord((Object[]) row);
                }
                written += length;
            }
        }
    }

    record Texts(List<String> customers, List<String> brands) {

        static Texts of(Path corpus) {
            List<String> customers = new ArrayList<>();
            List<String> brands = new ArrayList<>();
            if (Files.isReadable(corpus)) {
                try (Reader reader = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
                    for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                        // Without the leading mentions: each generated thread names its own brand.
                        String text = record.get("text").replaceAll("^(@\\w+\\s*)+", "").strip();
                        if (!text.isEmpty()) {
                            ("True".equalsIgnoreCase(record.get("inbound")) ? customers : brands).add(text);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    customers.clear();
                    brands.clear();
                }
            }
            if (customers.isEmpty() || brands.isEmpty()) {
                customers = List.of("my order has not arrived yet, can you help?", "the app keeps crashing since the update");
                brands = List.of("Sorry to hear that! Please DM us your order number.", "Thanks for reaching out, we are on it.");
            }
            return new Texts(customers, brands);
        }

        String customer(Random random) {
            return customers.get(random.nextInt(customers.size()));
        }

        String brand(Random random) {
            return brands.get(random.nextInt(brands.size()));
        }
    }

    /** Samples the used heap every 50 ms; what the JVM reports as its pools' peaks includes garbage not yet collected. */
    static final class HeapWatch {

        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        private HeapWatch() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            thread.setDaemon(true);
        }

        static HeapWatch start() {
            System.gc();
            HeapWatch watch = new HeapWatch();
            watch.thread.start();
            return watch;
        }

        long stop() {
            running = false;
            thread.interrupt();
            return peak.get();
        }
    }
}
