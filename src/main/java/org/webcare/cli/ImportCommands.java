package org.webcare.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;
import org.webcare.imports.ImportFigures;
import org.webcare.imports.ImportProgress;
import org.webcare.imports.ImportSummary;
import org.webcare.imports.PostsImport;
import org.webcare.imports.TwcsImport;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code import twcs FILE [--resolve-after PT24H|off]} and {@code import posts FILE --channel ID}: progress and skipped
 * lines on standard error, the summary as JSON on standard output. Exit 0 when done (also with skipped lines), 1 when
 * the file cannot be read or the import fails, 2 on a usage error.
 */
final class ImportCommands {

    private final PrintStream out;
    private final PrintStream err;

    ImportCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Checks the arguments before the database is started, so a typo answers at once. */
    static Request parse(List<String> args) {
        if (args.isEmpty() || !List.of("twcs", "posts").contains(args.getFirst())) {
            throw new Arguments.UsageException("import what? twcs FILE [--resolve-after PT24H|off] or posts FILE --channel ID");
        }
        String kind = args.getFirst();
        Arguments arguments = Arguments.parse(args.subList(1, args.size()), Set.of());
        if (arguments.positional().size() != 1) {
            throw new Arguments.UsageException("import " + kind + " takes one FILE, got " + arguments.positional().size());
        }
        Path file = Path.of(arguments.positional().getFirst());
        if (kind.equals("twcs")) {
            arguments.allowOnly(Set.of("resolve-after"));
            String value = arguments.option("resolve-after").orElse("PT24H");
            Duration quiet;
            if (value.equalsIgnoreCase("off")) {
                quiet = null;
            } else {
                try {
                    quiet = Duration.parse(value);
                } catch (java.time.format.DateTimeParseException e) {
                    throw new Arguments.UsageException("--resolve-after must be an ISO-8601 duration like PT24H, or off; got '" + value + "'");
                }
                if (quiet.isNegative() || quiet.isZero()) {
                    throw new Arguments.UsageException("--resolve-after must be positive, got '" + value + "'");
                }
            }
            return new Request(kind, file, quiet, 0);
        }
        arguments.allowOnly(Set.of("channel"));
        String channel = arguments.required("channel");
        try {
            return new Request(kind, file, null, Long.parseLong(channel));
        } catch (NumberFormatException e) {
            throw new Arguments.UsageException("--channel must be a channel id (see ./webcare channel list), got '" + channel + "'");
        }
    }

    record Request(String kind, Path file, Duration resolveAfter, long channelId) {
    }

    int run(Request request, ConfigurableApplicationContext context) {
        if (!Files.isReadable(request.file()) || Files.isDirectory(request.file())) {
            err.println("webcare import: cannot read " + request.file());
            return 1;
        }
        ImportProgress progress = new ImportProgress() {
            @Override
            public void problem(String message) {
                err.println("skipped " + message);
            }

            @Override
            public void progress(String phase, ImportFigures figures) {
                err.println(figures.line(phase));
            }
        };
        try {
            ImportSummary summary = request.kind().equals("twcs")
                    ? context.getBean(TwcsImport.class).run(request.file(), request.resolveAfter(), progress)
                    : context.getBean(PostsImport.class).run(request.file(), request.channelId(), progress);
            out.println(JsonMapper.builder().build().writeValueAsString(summary));
            return 0;
        } catch (IOException e) {
            err.println("webcare import: cannot read " + request.file() + ": " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("webcare import: " + e.getMessage());
            return 1;
        }
    }
}
