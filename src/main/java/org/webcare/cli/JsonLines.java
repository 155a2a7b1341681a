package org.webcare.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts on standard input as JSON Lines, one object a line: a bad line is reported on standard error with its number
 * and skipped, and the rest go on.
 */
final class JsonLines {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private JsonLines() {
    }

    /**
     * Hands every object to {@code handler}; an {@link IllegalArgumentException} from it marks the line bad.
     *
     * @return whether any line was bad
     */
    static boolean forEachObject(Reader input, PrintStream err, Consumer<JsonNode> handler) {
        boolean anyBad = false;
        int number = 0;
        try (BufferedReader reader = new BufferedReader(input)) {
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = JSON.readTree(line);
                    if (node == null || !node.isObject()) {
                        throw new IllegalArgumentException("not a JSON object");
                    }
                    handler.accept(node);
                } catch (JacksonException e) {
                    anyBad = true;
                    err.println("line " + number + ": not valid JSON: " + e.getOriginalMessage());
                } catch (IllegalArgumentException e) {
                    anyBad = true;
                    err.println("line " + number + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return anyBad;
    }

    /** The post's {@code id}: a string or an integer, as given. */
    static Object id(JsonNode node) {
        JsonNode id = node.get("id");
        if (id == null || !(id.isString() || id.isIntegralNumber())) {
            throw new IllegalArgumentException("\"id\" is required (a string or an integer)");
        }
        return id.isString() ? id.stringValue() : id.asLong();
    }
}
