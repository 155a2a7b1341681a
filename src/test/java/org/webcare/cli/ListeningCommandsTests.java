package org.webcare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListeningCommandsTests {

    @TempDir
    Path dir;

    @Test
    void writesOneLineForEveryPostInOrderAndReportsBadQueriesAndPosts() throws Exception {
        Path queries = dir.resolve("queries.jsonl");
        Files.writeString(queries, String.join("\n",
                "{\"id\":\"outage\",\"query\":\"storing OR \\\"ligt eruit\\\"\"}",
                "{\"id\":\"broken\",\"query\":\"(storing AND\"}",
                "{\"id\":\"only-not\",\"query\":\"NOT storing\"}",
                "{\"id\":\"lead\",\"query\":\"zonnepanelen lang:nl\"}"));
        String posts = String.join("\n",
                "{\"id\":1,\"text\":\"Internet ligt eruit\",\"lang\":\"nl\"}",
                "{\"id\":\"2\",\"text\":\"Wat kosten zonnepanelen?\",\"lang\":\"nl\"}",
                "not json",
                "{\"id\":3,\"text\":\"Niets aan de hand\"}",
                "{\"text\":\"zonder id\"}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new ListeningCommands(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .match(Arguments.parse(List.of("--queries", queries.toString()), Set.of()), new StringReader(posts));

        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "{\"post\":1,\"queries\":[\"outage\"]}",
                "{\"post\":\"2\",\"queries\":[\"lead\"]}",
                "{\"post\":3,\"queries\":[]}");
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "queries.jsonl line 2 (query broken): at position 10: expected a term after AND",
                "queries.jsonl line 3 (query only-not): the query can never match anything specific: it has only NOT terms; add a term, phrase or field that must be present",
                "line 3: not valid JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                "line 5: \"id\" is required (a string or an integer)");
        assertThat(exit).isEqualTo(1);
    }
}
