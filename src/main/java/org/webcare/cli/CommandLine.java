package org.webcare.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs one {@code webcare} command. Results go to standard output, messages and logs to standard error, so results
 * can be piped.
 */
public final class CommandLine {

    /** Returned by {@link #run} when the server was started and the JVM must keep running. */
    public static final int KEEP_RUNNING = -1;
    static final int USAGE = 2;

    private CommandLine() {
    }

    public static int run(Class<?> application, String[] args) {
        List<String> all = Arrays.asList(args);
        String command = all.isEmpty() ? "start" : all.getFirst();
        List<String> rest = all.isEmpty() ? List.of() : all.subList(1, all.size());
        PrintStream err = System.err;
        try {
            return switch (command) {
                case "start" -> start(application, rest);
                case "channel", "token", "user" -> withDatabase(application, command, rest);
                case "report" -> report(application, rest, err);
                case "import" -> importHistory(application, ImportCommands.parse(rest));
                case "analyze" -> new AnalysisCommands(System.out, err).analyze(
                        new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
                case "eval" -> {
                    if (rest.isEmpty()) {
                        throw new Arguments.UsageException("eval what? sentiment FILE, intent FILE or lang FILE");
                    }
                    yield new AnalysisCommands(System.out, err).eval(rest.getFirst(), Arguments.parse(rest.subList(1, rest.size()), Set.of()));
                }
                case "source" -> new SourceCommands(System.out, err).run(rest, System.getenv().getOrDefault("WEBCARE_FETCH_ALLOW", ""));
                case "match" -> new ListeningCommands(System.out, err).match(Arguments.parse(rest, Set.of()),
                        new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
                case "check-reply" -> new ReplyCheckCommand(System.out).run(Arguments.parse(rest, Set.of("public")),
                        new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
                case "business-time" -> new BusinessTimeCommand(System.out).run(Arguments.parse(rest, Set.of()),
                        new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
                case "train" -> {
                    if (rest.isEmpty()) {
                        throw new Arguments.UsageException("train what? sentiment FILE --out MODEL");
                    }
                    yield new AnalysisCommands(System.out, err).train(rest.getFirst(), Arguments.parse(rest.subList(1, rest.size()), Set.of()));
                }
                case "bench" -> {
                    if (!rest.isEmpty() && rest.getFirst().equals("reports")) {
                        yield ReportsBenchmark.run(application, Arguments.parse(rest.subList(1, rest.size()), Set.of()), System.out);
                    }
                    if (rest.isEmpty() || !List.of("analyze", "match", "archive", "rss", "import").contains(rest.getFirst())) {
                        throw new Arguments.UsageException("bench what? analyze [FILE] [--seconds N], match [TWCS_CSV] [--seconds N],"
                                + " archive [TWCS_CSV] [--posts N], rss [TWCS_CSV] [--items N], import [TWCS_CSV] [--rows N]"
                                + " or reports [--posts N] [--days N] [--runs N]");
                    }
                    Arguments arguments = Arguments.parse(rest.subList(1, rest.size()), Set.of());
                    if (rest.getFirst().equals("import")) {
                        yield benchImport(application, arguments);
                    }
                    if (rest.getFirst().equals("archive")) {
                        yield benchArchive(application, arguments);
                    }
                    if (rest.getFirst().equals("rss")) {
                        yield benchRss(application, arguments);
                    }
                    if (rest.getFirst().equals("match")) {
                        arguments.allowOnly(Set.of("seconds"));
                        java.nio.file.Path corpus = java.nio.file.Path.of(arguments.positional().isEmpty()
                                ? "../shared/data/twcs/random-5000.csv" : arguments.positional().getFirst());
                        if (!java.nio.file.Files.isReadable(corpus)) {
                            throw new Arguments.UsageException("cannot read the corpus " + corpus + " (a CSV with a 'text' column, like twcs)");
                        }
                        yield new MatchBenchmark(System.out).run(corpus, Double.parseDouble(arguments.option("seconds").orElse("3")));
                    }
                    yield new AnalysisCommands(System.out, err).bench(arguments);
                }
                default -> {
                    err.println("Unknown command '" + command + "'. Run ./webcare help for the list.");
                    yield USAGE;
                }
            };
        } catch (Arguments.UsageException e) {
            err.println("webcare " + command + ": " + e.getMessage());
            return USAGE;
        }
    }

    private static int start(Class<?> application, List<String> args) {
        Arguments arguments = Arguments.parse(args, Set.of("demo"));
        arguments.allowOnly(Set.of("demo"));
        SpringApplication app = new SpringApplication(application);
        app.setBannerMode(Banner.Mode.OFF);
        // Command-line properties outrank application.properties, so --demo wins over WEBCARE_DEMO's default.
        app.run(arguments.flag("demo") ? new String[] {"--webcare.demo=true"} : new String[0]);
        return KEEP_RUNNING;
    }

    private static int withDatabase(Class<?> application, String command, List<String> args) {
        if (args.isEmpty()) {
            throw new Arguments.UsageException("what to do? e.g. 'channel add', 'token create', 'user add'");
        }
        return onDatabase(application, command, context -> context.getBean(DatabaseCommands.class)
                .run(command, args.getFirst(), args.subList(1, args.size())));
    }

    /** Reports on the configured database, printed on standard output. */
    private static int report(Class<?> application, List<String> args, PrintStream err) {
        String what = args.isEmpty() ? "" : args.getFirst();
        return switch (what) {
            case "kpis", "rebuild" -> ReportCommands.run(application, args, System.out, err);
            case "surveys" -> SurveyReportCommand.run(application, args, System.out, err);
            case "links" -> {
                List<String> options = args.subList(1, args.size());
                // Usage mistakes are found before the database starts, so they answer at once.
                Arguments.parse(options, Set.of()).allowOnly(LinkReportCommand.OPTIONS);
                yield onDatabase(application, "report", context -> context.getBean(LinkReportCommand.class).run(options, System.out));
            }
            default -> throw new Arguments.UsageException("report what? kpis [--brand NAME|ID] [--channel ID] [--team T]"
                    + " [--agent EMAIL] [--from DATE] [--to DATE] [--by brand|channel|team|agent] [--format json|csv], rebuild, "
                    + "surveys [--brand B] [--from DATE] [--to DATE] [--by brand|channel|team|agent|day|week] [--format json|csv], "
                    + "links [--brand B] [--channel ID] [--from DATE] [--to DATE] [--by brand|channel|template|link] [--format json|csv]");
        };
    }

    /** Runs a command in a non-web context on the configured database, with no workers or demo data. */
    static int onDatabase(Class<?> application, String command,
                          java.util.function.ToIntFunction<ConfigurableApplicationContext> work) {
        return onDatabase(application, command, System.err, work);
    }

    /** The same, telling what went wrong on {@code err}. */
    static int onDatabase(Class<?> application, String command, PrintStream err,
                          java.util.function.ToIntFunction<ConfigurableApplicationContext> work) {
        SpringApplication app = new SpringApplication(application);
        app.setBannerMode(Banner.Mode.OFF);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        String[] properties = {"--webcare.command=true", "--webcare.workers=false", "--webcare.demo=false",
                "--logging.level.root=WARN", "--logging.level.org.webcare.database=INFO"};
        try (ConfigurableApplicationContext context = app.run(properties)) {
            return work.applyAsInt(context);
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("webcare " + command + ": " + rootMessage(e));
            return 1;
        }
    }

    /** Like the {@code channel} commands: a non-web context on the configured database, workers off. */
    private static int importHistory(Class<?> application, ImportCommands.Request request) {
        if (!java.nio.file.Files.isReadable(request.file()) || java.nio.file.Files.isDirectory(request.file())) {
            System.err.println("webcare import: cannot read " + request.file()); // before the database is started
            return 1;
        }
        return onDatabase(application, "import", context -> new ImportCommands(System.out, System.err).run(request, context));
    }

    /** On a throw-away embedded database of its own, so a running server and its data are never touched. */
    private static int benchArchive(Class<?> application, Arguments arguments) {
        arguments.allowOnly(Set.of("posts", "rounds"));
        java.nio.file.Path corpus = java.nio.file.Path.of(arguments.positional().isEmpty()
                ? "../shared/data/twcs/random-5000.csv" : arguments.positional().getFirst());
        if (!java.nio.file.Files.isReadable(corpus)) {
            throw new Arguments.UsageException("cannot read the corpus " + corpus + " (a CSV with a 'text' column, like twcs)");
        }
        return onThrowawayDatabase(application, context -> new ArchiveBenchmark(System.out,
                context.getBean(org.springframework.jdbc.core.JdbcTemplate.class), context.getBean(org.webcare.channel.Channels.class),
                context.getBean(org.webcare.intake.PostArchive.class))
                .run(corpus, Integer.parseInt(arguments.option("posts").orElse("200000")),
                        Integer.parseInt(arguments.option("rounds").orElse("3"))));
    }

    /**
     * Runs a benchmark in a non-web context on an embedded database of its own, deleted afterwards, with no workers
     * or scheduled checks running alongside: a running server and its data are never touched.
     */
    static int onThrowawayDatabase(Class<?> application,
                                   java.util.function.ToIntFunction<ConfigurableApplicationContext> benchmark,
                                   String... extraProperties) {
        java.nio.file.Path dataDir;
        try {
            dataDir = java.nio.file.Files.createTempDirectory("webcare-bench");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SpringApplication app = new SpringApplication(application);
        app.setBannerMode(Banner.Mode.OFF);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        String[] properties = {"--webcare.command=true", "--webcare.workers=false", "--webcare.demo=false",
                "--webcare.db.url=", "--webcare.db.data-dir=" + dataDir, "--webcare.crisis.check-interval=PT24H",
                "--logging.level.root=WARN"};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(properties), java.util.Arrays.stream(extraProperties))
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = app.run(all)) {
            return benchmark.applyAsInt(context);
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(dataDir.toFile());
        }
    }

    /** Like {@code bench archive}: on a throw-away embedded database, so a running server and its data are never touched. */
    private static int benchImport(Class<?> application, Arguments arguments) {
        arguments.allowOnly(Set.of("rows"));
        int rows;
        try {
            rows = Integer.parseInt(arguments.option("rows").orElse("200000"));
        } catch (NumberFormatException e) {
            throw new Arguments.UsageException("--rows must be a whole number");
        }
        if (rows < 10) {
            throw new Arguments.UsageException("--rows must be at least 10");
        }
        java.nio.file.Path corpus = java.nio.file.Path.of(arguments.positional().isEmpty()
                ? "../shared/data/twcs/random-5000.csv" : arguments.positional().getFirst());
        return onThrowawayDatabase(application, context -> new ImportBenchmark(System.out,
                context.getBean(org.webcare.imports.TwcsImport.class)).run(corpus, rows));
    }

    /** Like {@code bench archive}: on a throw-away embedded database, so a running server and its data are never touched. */
    private static int benchRss(Class<?> application, Arguments arguments) {
        arguments.allowOnly(Set.of("items"));
        int items = Integer.parseInt(arguments.option("items").orElse("5000"));
        if (items < 1 || items > 10_000) {
            throw new Arguments.UsageException("--items must be between 1 and 10000 (a feed's maxItems)");
        }
        java.nio.file.Path corpus = java.nio.file.Path.of(arguments.positional().isEmpty()
                ? "../shared/data/twcs/random-5000.csv" : arguments.positional().getFirst());
        List<String> texts = java.nio.file.Files.isReadable(corpus) ? MatchBenchmark.posts(corpus) : List.of();
        System.out.println("texts: " + (texts.isEmpty() ? "4 fixed sentences" : texts.size() + " from " + corpus.getFileName()));
        return onThrowawayDatabase(application, context -> new RssBenchmark(System.out,
                context.getBean(org.webcare.channel.Channels.class), context.getBean(org.webcare.intake.Intake.class)).run(texts, items));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? e.getMessage() : cause.getMessage();
    }
}
