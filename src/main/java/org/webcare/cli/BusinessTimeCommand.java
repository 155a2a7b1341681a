package org.webcare.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.webcare.calendar.BusinessCalendar;
import org.webcare.calendar.CalendarDefinition;
import org.webcare.calendar.WorkingTime;

/**
 * {@code business-time --calendar FILE add INSTANT DURATION | between INSTANT1 INSTANT2}: business-time arithmetic on a
 * calendar file, without the server or the database. With no operation it reads one operation a line from standard
 * input. Each result, or {@code error: <reason>} for an operation that cannot be done, is one line on standard output;
 * the exit code is 1 when any operation failed.
 */
final class BusinessTimeCommand {

    private static final DateTimeFormatter INSTANT_OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private final PrintStream out;

    BusinessTimeCommand(PrintStream out) {
        this.out = out;
    }

    int run(Arguments args, Reader input) {
        args.allowOnly(Set.of("calendar"));
        Path file = Path.of(args.required("calendar"));
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new Arguments.UsageException("cannot read the calendar file " + file + ": " + e.getMessage());
        }
        CalendarDefinition definition;
        try {
            definition = CalendarDefinition.parse(json);
        } catch (IllegalArgumentException e) {
            throw new Arguments.UsageException("calendar " + file + ": " + e.getMessage());
        }
        WorkingTime time = BusinessCalendar.of(definition);
        ZoneId zone = definition.timeZone();
        if (!args.positional().isEmpty()) {
            return perform(time, zone, args.positional()) ? 0 : 1;
        }
        boolean allGood = true;
        try (BufferedReader lines = new BufferedReader(input)) {
            for (String line; (line = lines.readLine()) != null; ) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                allGood &= perform(time, zone, List.of(trimmed.split("\\s+")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return allGood ? 0 : 1;
    }

    /** Prints the result of one operation, or why it failed; whether it succeeded. */
    private boolean perform(WorkingTime time, ZoneId zone, List<String> operation) {
        try {
            out.println(result(time, zone, operation));
            return true;
        } catch (IllegalArgumentException | IllegalStateException e) {
            out.println("error: " + e.getMessage());
            return false;
        }
    }

    private static String result(WorkingTime time, ZoneId zone, List<String> operation) {
        String name = operation.getFirst();
        switch (name) {
            case "add" -> {
                arity(operation, "add INSTANT DURATION");
                Instant at = time.add(instant(operation.get(1)), duration(operation.get(2)));
                return INSTANT_OUT.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
            }
            case "between" -> {
                arity(operation, "between INSTANT1 INSTANT2");
                Instant from = instant(operation.get(1));
                Instant to = instant(operation.get(2));
                if (to.isBefore(from)) {
                    throw new IllegalArgumentException("'" + operation.get(2) + "' is before '" + operation.get(1) + "'");
                }
                return time.between(from, to).truncatedTo(ChronoUnit.SECONDS).toString();
            }
            default -> throw new IllegalArgumentException("unknown operation '" + name + "' (add INSTANT DURATION or between INSTANT1 INSTANT2)");
        }
    }

    private static void arity(List<String> operation, String usage) {
        if (operation.size() != 3) {
            throw new IllegalArgumentException(operation.getFirst() + " needs two arguments: " + usage);
        }
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 instant with an offset (e.g. 2026-03-27T16:30:00+01:00)");
        }
    }

    private static Duration duration(String text) {
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration (e.g. PT4H or P2DT3H)");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration '" + text + "' is negative");
        }
        return duration;
    }
}
