package org.webcare.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BusinessTimeCommandTests {

    private static final String OFFICE = """
            {"timeZone":"Europe/Amsterdam","hours":{"MONDAY":[["08:00","12:00"],["13:00","17:30"]],"TUESDAY":[["08:00","12:00"],["13:00","17:30"]],
             "WEDNESDAY":[["08:00","12:00"],["13:00","17:30"]],"THURSDAY":[["08:00","12:00"],["13:00","17:30"]],
             "FRIDAY":[["08:00","12:00"],["13:00","17:30"]],"SATURDAY":[],"SUNDAY":[]},
             "holidays":{"dates":["2026-12-31"],"dutch":"all"}}""";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Path calendar(String json) throws IOException {
        Path file = dir.resolve("calendar.json");
        Files.writeString(file, json);
        return file;
    }

    private int run(String stdin, String... args) {
        return new BusinessTimeCommand(new PrintStream(out, true, StandardCharsets.UTF_8))
                .run(Arguments.parse(List.of(args), Set.of()), new StringReader(stdin));
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void addsAndMeasuresFromTheArguments() throws IOException {
        Path file = calendar(OFFICE);

        assertThat(run("", "--calendar", file.toString(), "add", "2026-03-27T16:30:00+01:00", "PT4H")).isZero();
        assertThat(run("", "--calendar", file.toString(), "between", "2026-03-27T16:30:00+01:00", "2026-03-31T10:00:00+02:00")).isZero();
        assertThat(run("", "--calendar", file.toString(), "add", "2026-03-02T08:00:00+01:00", "PT4H")).isZero();

        assertThat(lines()).containsExactly("2026-03-30T11:00:00+02:00", "PT11H30M", "2026-03-02T12:00:00+01:00");
    }

    @Test
    void answersEveryLineOfStandardInputAndFailsWhenAnyLineDid() throws IOException {
        Path file = calendar(OFFICE);

        int exit = run("""
                add 2026-03-02T08:00:00+01:00 P2DT3H
                between 2026-03-02T09:00:00+01:00 2026-03-02T09:00:00+01:00

                add 2026-03-07T10:00:00Z PT0S
                between 2026-03-03T09:00:00+01:00 2026-03-02T09:00:00+01:00
                add 2026-03-02 PT1H
                add 2026-03-02T08:00:00+01:00 -PT1H
                add 2026-03-02T08:00:00+01:00 4 hours
                add 2026-03-02T08:00:00+01:00 PT4X
                subtract 2026-03-02T08:00:00+01:00 PT1H
                between 2026-04-02T17:00:00+02:00 2026-04-07T08:30:00+02:00
                """, "--calendar", file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(lines()).containsExactly(
                "2026-03-09T17:30:00+01:00",
                "PT0S",
                "2026-03-07T11:00:00+01:00",
                "error: '2026-03-02T09:00:00+01:00' is before '2026-03-03T09:00:00+01:00'",
                "error: '2026-03-02' is not an ISO-8601 instant with an offset (e.g. 2026-03-27T16:30:00+01:00)",
                "error: duration '-PT1H' is negative",
                "error: add needs two arguments: add INSTANT DURATION",
                "error: 'PT4X' is not an ISO-8601 duration (e.g. PT4H or P2DT3H)",
                "error: unknown operation 'subtract' (add INSTANT DURATION or between INSTANT1 INSTANT2)",
                "PT1H");
    }

    @Test
    void succeedsWhenEveryLineDid() throws IOException {
        assertThat(run("add 2026-03-02T08:00:00+01:00 PT1H\n", "--calendar", calendar(OFFICE).toString())).isZero();
        assertThat(lines()).containsExactly("2026-03-02T09:00:00+01:00");
    }

    @Test
    void refusesAnInvalidCalendarNamingTheField() throws IOException {
        Path file = calendar("""
                {"timeZone":"Europe/Amsterdam","hours":{"MONDAY":[["08:00","12:00"],["11:00","13:00"]]}}""");

        assertThatThrownBy(() -> run("", "--calendar", file.toString(), "add", "2026-03-02T08:00:00+01:00", "PT1H"))
                .isInstanceOf(Arguments.UsageException.class)
                .hasMessage("calendar " + file + ": hours.MONDAY[1]: 11:00–13:00 overlaps 08:00–12:00");
        assertThatThrownBy(() -> run("", "add", "2026-03-02T08:00:00+01:00", "PT1H"))
                .isInstanceOf(Arguments.UsageException.class).hasMessage("--calendar is required");
        assertThat(out.size()).isZero();
    }

    /** The real entry point in a JVM of its own: no database, no web server, results only on standard output. */
    @Test
    void runsAsACommandOfItsOwnWithoutDatabaseOrServer() throws Exception {
        Path file = calendar(OFFICE);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.webcare.WebcareApplication",
                "business-time", "--calendar", file.toString()));
        Process process = new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile()).start();
        long started = System.nanoTime();
        try (var stdin = process.getOutputStream()) {
            stdin.write("""
                    add 2026-10-23T17:00:00+02:00 PT1H
                    between 2026-10-23T17:00:00+02:00 2026-10-26T08:30:00+01:00
                    add nonsense PT1H
                    """.getBytes(StandardCharsets.UTF_8));
        }
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(stdout.lines().toList()).containsExactly("2026-10-26T08:30:00+01:00", "PT1H",
                "error: 'nonsense' is not an ISO-8601 instant with an offset (e.g. 2026-03-27T16:30:00+01:00)");
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(Files.readString(dir.resolve("stderr.txt"))).doesNotContain("Tomcat", "PostgreSQL", "Flyway");
    }
}
