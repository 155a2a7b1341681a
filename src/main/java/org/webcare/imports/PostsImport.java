package org.webcare.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.webcare.channel.Brand;
import org.webcare.channel.Channel;
import org.webcare.channel.Channels;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.intake.IntakeBatch;
import org.webcare.shared.HistoryReplay;
import org.webcare.shared.Visibility;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports posts for one channel from UTF-8 JSON Lines, one post a line in the shape of the channel webhook's body
 * ({@code POST /api/v1/channels/{id}/posts}): a bad line is reported with its number and skipped, a post already
 * stored is counted as a duplicate. Read line by line, a chunk of lines per transaction, as history.
 */
@Service
public class PostsImport {

    static final int CHUNK = 500;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Channels channels;
    private final Intake intake;
    private final TransactionTemplate transactions;

    PostsImport(Channels channels, Intake intake, TransactionTemplate transactions) {
        this.channels = channels;
        this.intake = intake;
        this.transactions = transactions;
    }

    /**
     * @throws IllegalArgumentException when there is no such channel
     * @throws IOException when the file cannot be read
     */
    public ImportSummary run(Path file, long channelId, ImportProgress progress) throws IOException {
        Channel channel = channels.channel(channelId)
                .orElseThrow(() -> new IllegalArgumentException("channel: no channel with id " + channelId));
        List<String> handles = channels.brand(channel.brandId()).map(Brand::handles).orElse(List.of());
        ImportFigures figures = new ImportFigures();
        Map<String, Long> skippedBy = new LinkedHashMap<>();
        long lastProgress = System.nanoTime();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), utf8))) {
            List<Numbered> chunk = new ArrayList<>(CHUNK);
            long number = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                figures.rowsRead.incrementAndGet();
                try {
                    chunk.add(new Numbered(number, inbound(channel, handles, line)));
                } catch (IllegalArgumentException e) {
                    skip(figures, skippedBy, progress, "bad-line", "line " + number + ": " + e.getMessage());
                }
                if (chunk.size() == CHUNK) {
                    store(chunk, figures, skippedBy, progress);
                    chunk.clear();
                }
                if (System.nanoTime() - lastProgress >= PROGRESS_EVERY.toNanos()) {
                    lastProgress = System.nanoTime();
                    progress.progress("importing", figures);
                }
            }
            store(chunk, figures, skippedBy, progress);
        }
        progress.progress("done", figures);
        return new ImportSummary("posts", file.getFileName().toString(), figures.rowsRead(), figures.postsStored(), 0,
                figures.duplicates(), figures.skipped(), skippedBy, 0, 0, 0, Math.round(figures.seconds() * 100) / 100.0,
                Math.round(figures.rate() * 100) / 100.0, figures.problems());
    }

    private void store(List<Numbered> chunk, ImportFigures figures, Map<String, Long> skippedBy, ImportProgress progress) {
        if (chunk.isEmpty()) {
            return;
        }
        List<Numbered> posts = List.copyOf(chunk);
        HistoryReplay.run(() -> transactions.execute(status -> {
            for (Numbered post : posts) {
                // One post per call: a refusal is then known to be this line's, and the chunk's transaction stays intact.
                IntakeBatch result = intake.acceptAll(List.of(post.post()));
                figures.postsStored.addAndGet(result.stored());
                figures.duplicates.addAndGet(result.duplicates());
                if (!result.refused().isEmpty()) {
                    skip(figures, skippedBy, progress, "refused", "line " + post.line() + ": " + result.refused().getFirst().getMessage());
                }
            }
            return null;
        }));
    }

    private static synchronized void skip(ImportFigures figures, Map<String, Long> skippedBy, ImportProgress progress,
                                          String reason, String message) {
        figures.skipped.incrementAndGet();
        skippedBy.merge(reason, 1L, Long::sum);
        figures.problem(message);
        progress.problem(message);
    }

    /** One line as the channel webhook reads its body; throws "field: reason". */
    static InboundPost inbound(Channel channel, List<String> handles, String line) {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("must be a JSON object");
        }
        String visibilityText = text(root, "visibility", false);
        Visibility visibility = visibilityText == null ? Visibility.PUBLIC : Visibility.parse(visibilityText)
                .orElseThrow(() -> new IllegalArgumentException("visibility: must be 'public' or 'private', got '" + visibilityText + "'"));
        JsonNode followers = root.get("authorFollowers");
        if (followers != null && !followers.isNull() && !followers.isIntegralNumber()) {
            throw new IllegalArgumentException("authorFollowers: must be a whole number");
        }
        JsonNode toBrand = root.get("toBrand");
        if (toBrand != null && !toBrand.isNull() && !toBrand.isBoolean()) {
            throw new IllegalArgumentException("toBrand: must be true or false");
        }
        String createdAt = text(root, "createdAt", true);
        Instant created;
        try {
            created = OffsetDateTime.parse(createdAt).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("createdAt: must be an ISO-8601 date-time with offset, like "
                    + "2026-11-23T14:05:00+01:00, got '" + createdAt + "'");
        }
        return new InboundPost(channel.id(), text(root, "externalId", true), text(root, "authorHandle", true),
                text(root, "authorName", false), text(root, "text", true), visibility, created, text(root, "inReplyTo", false),
                followers == null || followers.isNull() ? null : followers.asLong(), toBrand != null && toBrand.asBoolean(),
                handles, channel.type().id(), text(root, "url", false), text(root, "title", false));
    }

    private static String text(JsonNode root, String field, boolean required) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new IllegalArgumentException(field + ": is required");
            }
            return null;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isIntegralNumber()) {
            return node.asString();
        }
        throw new IllegalArgumentException(field + ": must be a string");
    }

    private record Numbered(long line, InboundPost post) {
    }
}
