package org.webcare.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.webcare.listening.MatchablePost;
import org.webcare.listening.Query;
import org.webcare.listening.QueryMatcher;
import org.webcare.listening.QueryParser;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code match --queries FILE}: listening queries against posts, without the server or the database. */
final class ListeningCommands {

    private static final ObjectMapper JSON = JsonLines.JSON;
    private static final List<String> FIELDS = List.of("author", "lang", "channel", "site", "sentiment", "intent", "addressed");

    private final PrintStream out;
    private final PrintStream err;

    ListeningCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Exit code 1 when any query or post line was bad; the good ones are all processed. */
    int match(Arguments args, Reader posts) {
        args.allowOnly(Set.of("queries"));
        Path file = Path.of(args.required("queries"));
        if (!Files.isReadable(file)) {
            throw new Arguments.UsageException("cannot read " + file);
        }
        boolean anyBad = false;
        Map<String, Query> queries = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String id = null;
            try {
                JsonNode node = JSON.readTree(line);
                id = text(node, "id", true);
                if (queries.containsKey(id)) {
                    throw new IllegalArgumentException("id '" + id + "' is used twice");
                }
                queries.put(id, QueryParser.parse(text(node, "query", true)));
            } catch (JacksonException e) {
                anyBad = true;
                err.println(file.getFileName() + " line " + (i + 1) + ": not valid JSON: " + e.getOriginalMessage());
            } catch (IllegalArgumentException e) {
                anyBad = true;
                err.println(file.getFileName() + " line " + (i + 1) + (id == null ? "" : " (query " + id + ")") + ": " + e.getMessage());
            }
        }
        QueryMatcher matcher = QueryMatcher.of(queries);
        boolean anyBadPost = JsonLines.forEachObject(posts, err, node -> {
            Object id = JsonLines.id(node);
            Map<String, String> fields = new HashMap<>();
            for (String field : FIELDS) {
                String value = text(node, field, false);
                if (value != null) {
                    fields.put(field, value);
                }
            }
            JsonNode followers = node.get("followers");
            if (followers != null && !followers.isNull() && !followers.isIntegralNumber()) {
                throw new IllegalArgumentException("\"followers\" must be a whole number");
            }
            MatchablePost post = MatchablePost.of(text(node, "text", true), fields,
                    followers == null || followers.isNull() ? null : followers.asLong());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("post", id);
            result.put("queries", matcher.match(post));
            out.println(JSON.writeValueAsString(result));
        });
        out.flush();
        return anyBad || anyBadPost ? 1 : 0;
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException("\"" + field + "\" is required");
            }
            return null;
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isIntegralNumber() || value.isBoolean()) {
            return value.asString();
        }
        throw new IllegalArgumentException("\"" + field + "\" must be a string");
    }
}
