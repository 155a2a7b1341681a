package org.webcare.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.webcare.cases.Actor;
import org.webcare.cases.Case;
import org.webcare.cases.Cases;
import org.webcare.cases.Replies;
import org.webcare.channel.Brand;
import org.webcare.channel.Channel;
import org.webcare.channel.ChannelType;
import org.webcare.channel.Channels;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.intake.IntakeBatch;
import org.webcare.intake.Posts;
import org.webcare.shared.HistoryReplay;
import org.webcare.shared.Visibility;

/**
 * Imports the Customer Support on Twitter CSV as if it had arrived through the brands' X channels (docs/import.md).
 *
 * <p>Memory does not grow with the file: the rows are streamed into a temporary table (COPY), brands and reply chains
 * are resolved there in SQL, and the rows are read back in time order in chunks and fed to intake (customer tweets) and
 * to the replies (brand tweets), one transaction per chunk. Everything runs as {@link HistoryReplay history}.
 */
@Service
public class TwcsImport {

    /** The channel each imported brand gets, reused on a second run. */
    static final String CHANNEL_NAME = "X";
    static final int CHUNK = 1_000;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(3);

    private final DataSource dataSource;
    private final Channels channels;
    private final Intake intake;
    private final Posts posts;
    private final Replies replies;
    private final Cases cases;
    private final TransactionTemplate transactions;
    private final int workers;

    TwcsImport(DataSource dataSource, Channels channels, Intake intake, Posts posts, Replies replies, Cases cases,
               TransactionTemplate transactions,
               @org.springframework.beans.factory.annotation.Value("${webcare.imports.workers:2}") int workers) {
        if (workers < 1 || workers > 16) {
            throw new IllegalArgumentException("webcare.imports.workers: must be between 1 and 16, got " + workers);
        }
        this.workers = workers;
        this.dataSource = dataSource;
        this.channels = channels;
        this.intake = intake;
        this.posts = posts;
        this.replies = replies;
        this.cases = cases;
        this.transactions = transactions;
    }

    /**
     * @param resolveAfter a conversation whose last message is the brand's reply, not continued by the customer within
     *                     this period (counted up to now), is resolved as of that reply; {@code null}: none is resolved
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when the file is not a twcs CSV (its header lacks a column)
     */
    public ImportSummary run(Path file, Duration resolveAfter, ImportProgress progress) throws IOException {
        ImportFigures figures = new ImportFigures();
        Map<String, Long> skippedBy = new LinkedHashMap<>();
        Run run = new Run(figures, skippedBy, progress);
        try (Connection staging = dataSource.getConnection()) {
            staging.setAutoCommit(true);
            try {
                exec(staging, """
                        create temp table twcs (line bigint, tweet_id text, author_id text, inbound boolean,
                          created_at timestamptz, text text, parent text, brand text, target text, parent_inbound boolean,
                          parent_author text, to_brand boolean)""");
                exec(staging, "create temp table twcs_replied (post_id bigint)");
                copy(file, staging, run);
                run.progress("reading", true);
                resolve(staging, run);
                Map<String, Long> channelOf = brands(staging, run);
                feed(staging, channelOf, run);
                if (resolveAfter != null) {
                    resolveQuiet(staging, resolveAfter, run);
                }
                run.progress("done", true);
            } finally {
                exec(staging, "drop table if exists twcs, twcs_feed, twcs_replied, twcs_accounts");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the import's staging failed: " + e.getMessage(), e);
        }
        return new ImportSummary("twcs", file.getFileName().toString(), figures.rowsRead(), figures.postsStored(),
                figures.repliesRecorded(), figures.duplicates(), figures.skipped(), skippedBy, run.brandsCreated,
                run.brandsReused, figures.casesResolved(), round(figures.seconds()), round(figures.rate()), figures.problems());
    }

    /** Streams the file's rows into the temporary table; bad rows are reported with their line and skipped. */
    private void copy(Path file, Connection staging, Run run) throws IOException, SQLException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
        CopyIn in = staging.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy twcs (line, tweet_id, author_id, inbound, created_at, text, parent) from stdin");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            for (String column : TwcsFile.COLUMNS) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new IllegalArgumentException("not a twcs CSV: the header has no column '" + column
                            + "' (expected " + String.join(",", TwcsFile.COLUMNS) + ")");
                }
            }
            StringBuilder buffer = new StringBuilder(1 << 17);
            long line = parser.getCurrentLineNumber() + 1;
            var records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    // A broken quote makes the rest of the file unreadable as CSV: keep what was read, say where it broke.
                    run.skip("bad-row", "line " + line + ": the CSV cannot be read from here on (" + e.getMessage() + ")");
                    break;
                }
                long startLine = line;
                line = parser.getCurrentLineNumber() + 1;
                run.figures.rowsRead.incrementAndGet();
                String row = row(record, startLine, run);
                if (row != null) {
                    buffer.append(row);
                    if (buffer.length() > 1 << 16) {
                        write(in, buffer);
                    }
                }
                run.progress("reading", false);
            }
            write(in, buffer);
            in.endCopy();
        } catch (IOException | RuntimeException | SQLException e) {
            if (in.isActive()) {
                in.cancelCopy();
            }
            throw e;
        }
    }

    /** One row in COPY's text format, or null (reported) when it cannot be imported. */
    private static String row(CSVRecord record, long line, Run run) {
        if (!record.isConsistent()) {
            run.skip("bad-row", "line " + line + ": expected " + TwcsFile.COLUMNS.size() + " fields, found " + record.size());
            return null;
        }
        String tweetId = TwcsFile.id(record.get("tweet_id"));
        if (!TwcsFile.validId(tweetId)) {
            run.skip("bad-row", "line " + line + ": tweet_id '" + shorten(record.get("tweet_id")) + "' is missing or not an id");
            return null;
        }
        String author = record.get("author_id").strip();
        if (author.isEmpty()) {
            run.skip("bad-row", "line " + line + ": author_id is empty");
            return null;
        }
        Boolean inbound = TwcsFile.inbound(record.get("inbound"));
        if (inbound == null) {
            run.skip("bad-row", "line " + line + ": inbound '" + shorten(record.get("inbound")) + "' is not True or False");
            return null;
        }
        Instant createdAt = TwcsFile.createdAt(record.get("created_at"));
        if (createdAt == null) {
            run.skip("bad-row", "line " + line + ": created_at '" + shorten(record.get("created_at"))
                    + "' is not a date like " + TwcsFile.DATE_EXAMPLE);
            return null;
        }
        String text = record.get("text");
        if (text.isBlank()) {
            run.skip("bad-row", "line " + line + ": text is empty");
            return null;
        }
        String parent = TwcsFile.id(record.get("in_response_to_tweet_id"));
        if (parent != null && !TwcsFile.validId(parent)) {
            run.skip("bad-row", "line " + line + ": in_response_to_tweet_id '" + shorten(parent) + "' is not an id");
            return null;
        }
        return line + "\t" + copyText(tweetId) + "\t" + copyText(author) + "\t" + inbound + "\t" + createdAt + "\t"
                + copyText(text) + "\t" + (parent == null || parent.equals(tweetId) ? "\\N" : copyText(parent)) + "\n";
    }

    private static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }

    /** COPY's text format: backslash, tab and line breaks escaped; NUL cannot be stored in PostgreSQL text. */
    static String copyText(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> { }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void write(CopyIn in, StringBuilder buffer) throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /**
     * Works out in SQL, for every row: the customer tweet a brand tweet answers (through chains of brand tweets), the
     * customer tweet a customer tweet continues (the one the brand tweet it answers answered), and each customer
     * tweet's brand: the brand of the tweet it answers, else the brand that answered it, else the first brand it
     * mentions.
     */
    private void resolve(Connection staging, Run run) throws SQLException {
        run.progress("resolving", true);
        // The same tweet twice in the file: the first one counts.
        long repeated = update(staging, """
                delete from twcs a using twcs b where a.tweet_id = b.tweet_id and a.line > b.line""");
        run.figures.duplicates.addAndGet(repeated);
        exec(staging, "create index on twcs (tweet_id)");
        exec(staging, "create index on twcs (parent)");
        exec(staging, "analyze twcs");
        update(staging, """
                update twcs c set parent_inbound = p.inbound, parent_author = p.author_id
                from twcs p where p.tweet_id = c.parent""");
        update(staging, "update twcs set target = parent where not inbound and parent_inbound");
        repeat(staging, """
                update twcs b set target = p.target from twcs p
                where not b.inbound and b.target is null and b.parent_inbound = false and p.tweet_id = b.parent
                  and p.target is not null""");
        update(staging, "update twcs set target = parent where inbound and parent_inbound is distinct from false");
        update(staging, """
                update twcs c set target = coalesce(p.target, c.parent) from twcs p
                where c.inbound and c.parent_inbound = false and p.tweet_id = c.parent""");
        update(staging, "update twcs set brand = parent_author where inbound and parent_inbound = false");
        String fromParent = """
                update twcs c set brand = p.brand from twcs p
                where c.inbound and c.brand is null and c.parent_inbound and p.tweet_id = c.parent and p.brand is not null""";
        repeat(staging, fromParent);
        update(staging, """
                update twcs c set brand = r.author_id
                from (select distinct on (parent) parent, author_id from twcs where not inbound and parent is not null
                      order by parent, created_at, line) r
                where c.inbound and c.brand is null and r.parent = c.tweet_id""");
        exec(staging, "create temp table twcs_accounts as select distinct author_id as name, lower(author_id) as lowered from twcs where not inbound");
        update(staging, """
                update twcs c set brand = m.name
                from (select distinct on (t.line) t.line, a.name
                      from twcs t cross join lateral regexp_matches(t.text, '@([A-Za-z0-9_]+)', 'g') with ordinality as h(handle, n)
                      join twcs_accounts a on a.lowered = lower(h.handle[1])
                      where t.inbound and t.brand is null
                      order by t.line, h.n) m
                where c.line = m.line""");
        repeat(staging, fromParent);
        exec(staging, "create index on twcs (target)");
        // Addressed to the brand: it answers the brand, mentions it, or the brand answered it (the team took it up, so
        // it opens a case as a post addressed to them does).
        update(staging, """
                update twcs c set to_brand = c.parent_inbound is false or strpos(lower(c.text), '@' || lower(c.brand)) > 0
                    or exists (select 1 from twcs r where not r.inbound and r.target = c.tweet_id)
                where c.inbound and c.brand is not null""");
        long noBrand = count(staging, "select count(*) from twcs where inbound and brand is null");
        long answersNothing = count(staging, "select count(*) from twcs where not inbound and target is null");
        run.skipped("no-brand", noBrand);
        run.skipped("answers-nothing", answersNothing);
        exec(staging, """
                create temp table twcs_feed as
                select row_number() over (order by c.created_at, c.inbound desc, c.line) as seq, c.line, c.tweet_id,
                       c.author_id, c.inbound, c.created_at, c.text, c.target, c.to_brand,
                       case when c.inbound then c.brand else t.brand end as brand
                from twcs c left join twcs t on not c.inbound and t.tweet_id = c.target
                where (c.inbound and c.brand is not null) or (not c.inbound and c.target is not null)""");
        exec(staging, "create unique index on twcs_feed (seq)");
        exec(staging, "drop table twcs");
    }

    /** One brand per support account with an X channel, both reused when they exist; returns the channel of each. */
    private Map<String, Long> brands(Connection staging, Run run) throws SQLException {
        Map<String, Long> channelOf = new HashMap<>();
        List<String> accounts = new ArrayList<>();
        try (Statement statement = staging.createStatement();
             ResultSet rs = statement.executeQuery("select name from twcs_accounts order by name")) {
            while (rs.next()) {
                accounts.add(rs.getString(1));
            }
        }
        for (String account : accounts) {
            try {
                Brand brand = channels.brandNamed(account).orElse(null);
                if (brand == null) {
                    brand = channels.createBrand(account, List.of("@" + account));
                    run.brandsCreated++;
                } else {
                    run.brandsReused++;
                    if (brand.handles().stream().noneMatch(h -> h.equalsIgnoreCase("@" + account))) {
                        List<String> handles = new ArrayList<>(brand.handles());
                        handles.add("@" + account);
                        brand = channels.changeHandles(brand.id(), handles);
                    }
                }
                long brandId = brand.id();
                Channel channel = channels.channelNamed(brandId, CHANNEL_NAME)
                        .orElseGet(() -> channels.createChannel(brandId, ChannelType.X, CHANNEL_NAME, null, true).channel());
                channelOf.put(account, channel.id());
            } catch (IllegalArgumentException e) {
                run.problem("account '" + shorten(account) + "' cannot be a brand (" + e.getMessage() + "); its tweets are skipped");
            }
        }
        return channelOf;
    }

    /**
     * Reads the rows back in time order, a chunk per transaction, and feeds intake and the replies. The brands are
     * shared out over the workers: a conversation never leaves its brand, so each worker keeps its conversations in
     * time order, and cases of different brands never wait for each other (threading locks per brand and customer).
     */
    private void feed(Connection staging, Map<String, Long> channelOf, Run run) throws SQLException {
        exec(staging, "alter table twcs_feed add column part int");
        exec(staging, "update twcs_feed set part = abs(hashtext(brand)) % " + workers);
        exec(staging, "create index on twcs_feed (part, seq)");
        Map<String, List<String>> handles = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "import-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<java.util.concurrent.Future<Void>> parts = new ArrayList<>();
            for (int part = 0; part < workers; part++) {
                int mine = part;
                parts.add(pool.submit(() -> {
                    feedPart(staging, mine, channelOf, handles, run);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<Void> part : parts) {
                try {
                    part.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    parts.forEach(other -> other.cancel(true));
                    if (e.getCause() instanceof SQLException sql) {
                        throw sql;
                    }
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("the import was interrupted", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One worker's share; the staging connection (whose session holds the temporary tables) is used by one at a time. */
    private void feedPart(Connection staging, int part, Map<String, Long> channelOf, Map<String, List<String>> handles,
                          Run run) throws SQLException {
        long after = 0;
        while (!Thread.currentThread().isInterrupted()) {
            List<FeedRow> chunk = new ArrayList<>(CHUNK);
            synchronized (staging) {
                try (PreparedStatement select = staging.prepareStatement("""
                        select seq, line, tweet_id, author_id, inbound, created_at, text, target, to_brand, brand
                        from twcs_feed where part = ? and seq > ? order by seq limit ?""")) {
                    select.setInt(1, part);
                    select.setLong(2, after);
                    select.setInt(3, CHUNK);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            chunk.add(new FeedRow(rs.getLong("seq"), rs.getLong("line"), rs.getString("tweet_id"),
                                    rs.getString("author_id"), rs.getBoolean("inbound"), rs.getTimestamp("created_at").toInstant(),
                                    rs.getString("text"), rs.getString("target"), rs.getBoolean("to_brand"), rs.getString("brand")));
                        }
                    }
                }
            }
            if (chunk.isEmpty()) {
                return;
            }
            after = chunk.getLast().seq();
            List<Long> replied = HistoryReplay.run(() -> transactions.execute(status -> importChunk(chunk, channelOf, handles, run)));
            if (!replied.isEmpty()) {
                synchronized (staging) {
                    try (PreparedStatement insert = staging.prepareStatement("insert into twcs_replied (post_id) select unnest(?)")) {
                        insert.setArray(1, staging.createArrayOf("bigint", replied.toArray()));
                        insert.executeUpdate();
                    }
                }
            }
            run.progress("importing", false);
        }
    }

    /** One chunk, in one transaction; returns the posts that got a reply. */
    private List<Long> importChunk(List<FeedRow> chunk, Map<String, Long> channelOf, Map<String, List<String>> handles, Run run) {
        List<Long> replied = new ArrayList<>();
        for (FeedRow row : chunk) {
            Long channelId = channelOf.get(row.brand());
            if (channelId == null) {
                run.skip("no-brand", "line " + row.line() + ": its brand '" + row.brand() + "' could not be set up");
                continue;
            }
            if (row.inbound()) {
                if (posts.idOf(channelId, row.tweetId()).isPresent()) {
                    // Known from an earlier import: intake would find it too, but only after analysing and matching it.
                    run.figures.duplicates.incrementAndGet();
                    continue;
                }
                List<String> brandHandles = handles.computeIfAbsent(row.brand(), b -> channels.channel(channelId)
                        .flatMap(c -> channels.brand(c.brandId())).map(Brand::handles).orElse(List.of()));
                InboundPost post = new InboundPost(channelId, row.tweetId(), row.author(), null, row.text(), Visibility.PUBLIC,
                        row.createdAt(), row.target(), null, row.toBrand(), brandHandles, ChannelType.X.id(), null, null);
                // One post per call: a refusal is then known to be this line's, without breaking the chunk's transaction.
                IntakeBatch result = intake.acceptAll(List.of(post));
                run.figures.postsStored.addAndGet(result.stored());
                run.figures.duplicates.addAndGet(result.duplicates());
                if (!result.refused().isEmpty()) {
                    run.skip("refused", "line " + row.line() + ": " + result.refused().getFirst().getMessage());
                }
            } else {
                Long postId = posts.idOf(channelId, row.target()).orElse(null);
                if (postId == null) {
                    run.skip("answers-nothing", "line " + row.line() + ": tweet " + row.target() + " it answers was not imported");
                    continue;
                }
                String text = row.text().strip();
                if (replies.recordDelivered(postId, text, Visibility.PUBLIC, TwcsFile.author(text, row.author()),
                        row.createdAt(), row.tweetId()).isPresent()) {
                    run.figures.repliesRecorded.incrementAndGet();
                    replied.add(postId);
                } else {
                    run.figures.duplicates.incrementAndGet();
                }
            }
        }
        return replied;
    }

    /**
     * Resolves the conversations the import answered whose last message is the brand's reply and that the customer did
     * not continue within {@code quiet}: as of that reply, so resolution times read as they happened.
     */
    private void resolveQuiet(Connection staging, Duration quiet, Run run) throws SQLException {
        exec(staging, "create index on twcs_replied (post_id)");
        Instant now = Instant.now();
        long after = -1;
        while (true) {
            List<Long> postIds = new ArrayList<>(CHUNK);
            try (PreparedStatement select = staging.prepareStatement(
                    "select distinct post_id from twcs_replied where post_id > ? order by post_id limit ?")) {
                select.setLong(1, after);
                select.setInt(2, CHUNK);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        postIds.add(rs.getLong(1));
                    }
                }
            }
            if (postIds.isEmpty()) {
                return;
            }
            after = postIds.getLast();
            HistoryReplay.run(() -> transactions.execute(status -> {
                java.util.Set<Long> seen = new java.util.HashSet<>();
                for (long postId : postIds) {
                    Case found = cases.caseOf(postId).orElse(null);
                    if (found == null || !seen.add(found.id()) || !endedQuietly(found, quiet, now)) {
                        continue;
                    }
                    cases.resolveAsOf(found.id(), found.lastAgentReplyAt(), Actor.WEBCARE,
                            "history import: the customer did not write within " + quiet + " of the last reply");
                    run.figures.casesResolved.incrementAndGet();
                }
                return null;
            }));
            run.progress("resolving", false);
        }
    }

    static boolean endedQuietly(Case found, Duration quiet, Instant now) {
        Instant replied = found.lastAgentReplyAt();
        return found.status().isActive() && found.mergedIntoId() == null && replied != null
                && (found.lastCustomerPostAt() == null || !replied.isBefore(found.lastCustomerPostAt()))
                && !replied.plus(quiet).isAfter(now);
    }

    private static void exec(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long update(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeLargeUpdate(sql);
        }
    }

    /** Follows chains one step per statement until nothing changes (bounded: a loop in the data cannot hang it). */
    private static void repeat(Connection connection, String sql) throws SQLException {
        for (int step = 0; step < 100 && update(connection, sql) > 0; step++) {
            // each step resolves one more link of the chains
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private record FeedRow(long seq, long line, String tweetId, String author, boolean inbound, Instant createdAt,
                           String text, String target, boolean toBrand, String brand) {
    }

    /** The state of one run: figures, skip reasons, progress throttling. */
    private static final class Run {

        final ImportFigures figures;
        final Map<String, Long> skippedBy;
        final ImportProgress progress;
        long brandsCreated;
        long brandsReused;
        private long lastProgress = System.nanoTime();

        Run(ImportFigures figures, Map<String, Long> skippedBy, ImportProgress progress) {
            this.figures = figures;
            this.skippedBy = skippedBy;
            this.progress = progress;
        }

        void skip(String reason, String message) {
            skipped(reason, 1);
            problem(message);
        }

        synchronized void skipped(String reason, long count) {
            if (count > 0) {
                skippedBy.merge(reason, count, Long::sum);
                figures.skipped.addAndGet(count);
            }
        }

        void problem(String message) {
            figures.problem(message);
            progress.problem(message);
        }

        synchronized void progress(String phase, boolean now) {
            long current = System.nanoTime();
            if (now || current - lastProgress >= PROGRESS_EVERY.toNanos()) {
                lastProgress = current;
                progress.progress(phase, figures);
            }
        }
    }
}
