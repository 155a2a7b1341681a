package org.webcare.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The import commands' arguments and exit codes, checked before any database starts. */
class ImportCommandsTests {

    @Test
    void usageErrorsAnswerTwoBeforeTheDatabaseStarts() {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(CommandLine.run(Object.class, new String[] {"import"})).isEqualTo(2);
            assertThat(CommandLine.run(Object.class, new String[] {"import", "posts", "x.jsonl"})).isEqualTo(2);
            assertThat(CommandLine.run(Object.class, new String[] {"import", "twcs", "x.csv", "--resolve-after", "soon"})).isEqualTo(2);
            assertThat(CommandLine.run(Object.class, new String[] {"bench", "import", "--rows", "many"})).isEqualTo(2);
        } finally {
            System.setErr(saved);
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("webcare import: import what? twcs FILE")
                .contains("--channel is required")
                .contains("--resolve-after must be an ISO-8601 duration like PT24H, or off; got 'soon'")
                .contains("--rows must be a whole number");
    }

    @Test
    void optionsAreRead() {
        assertThat(ImportCommands.parse(List.of("twcs", "a.csv"))).isEqualTo(
                new ImportCommands.Request("twcs", Path.of("a.csv"), Duration.ofHours(24), 0));
        assertThat(ImportCommands.parse(List.of("twcs", "a.csv", "--resolve-after", "off")).resolveAfter()).isNull();
        assertThat(ImportCommands.parse(List.of("posts", "p.jsonl", "--channel", "7")).channelId()).isEqualTo(7);
        assertThatThrownBy(() -> ImportCommands.parse(List.of("posts", "p.jsonl", "--channel", "seven")))
                .hasMessageContaining("--channel must be a channel id");
        assertThatThrownBy(() -> ImportCommands.parse(List.of("twcs", "a.csv", "b.csv"))).hasMessageContaining("one FILE");
    }

    @Test
    void anUnreadableFileExitsOneNamingIt() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ImportCommands(System.out, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(ImportCommands.parse(List.of("twcs", "/nonexistent/history.csv")), null);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read /nonexistent/history.csv");
    }
}
