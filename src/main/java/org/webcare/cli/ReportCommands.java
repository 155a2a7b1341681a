package org.webcare.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.webcare.reporting.KpiMeasures;
import org.webcare.reporting.KpiOutput;
import org.webcare.reporting.KpiReport;
import org.webcare.reporting.KpiReports;
import org.webcare.reporting.KpiRequest;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code webcare report kpis}: the KPI report of the configured database as JSON or CSV on standard output;
 * {@code webcare report rebuild}: the KPI measures recomputed from the stored posts, replies and cases.
 */
final class ReportCommands {

    private static final Set<String> KPI_OPTIONS = Set.of("brand", "channel", "team", "agent", "from", "to", "by", "format");

    private ReportCommands() {
    }

    /** The report of the parsed options on standard output; options it cannot read are a usage error naming them. */
    static int kpis(KpiRequest requests, KpiReports reports, ObjectMapper json, Arguments arguments, String format, PrintStream out) {
        KpiRequest.Parsed request;
        try {
            request = requests.parse(arguments.option("brand").orElse(null), arguments.option("channel").orElse(null),
                    arguments.option("team").orElse(null), arguments.option("agent").orElse(null),
                    arguments.option("from").orElse(null), arguments.option("to").orElse(null), arguments.option("by").orElse(null));
        } catch (IllegalArgumentException e) {
            // "brand: no brand named 'X'" becomes "--brand: no brand named 'X'": the option the user typed.
            throw new Arguments.UsageException("--" + e.getMessage());
        }
        KpiReport report = reports.report(request.query(), request.by());
        if (format.equals("csv")) {
            out.print(KpiOutput.csv(report));
        } else {
            out.println(json.writeValueAsString(KpiOutput.json(report)));
        }
        out.flush();
        return 0;
    }

    static int run(Class<?> application, List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || !List.of("kpis", "rebuild").contains(args.getFirst())) {
            throw new Arguments.UsageException("report what? kpis [--brand NAME|ID] [--channel ID] [--team T] [--agent EMAIL]"
                    + " [--from DATE] [--to DATE] [--by brand|channel|team|agent] [--format json|csv], or rebuild");
        }
        Arguments arguments = Arguments.parse(args.subList(1, args.size()), Set.of());
        boolean kpis = args.getFirst().equals("kpis");
        arguments.allowOnly(kpis ? KPI_OPTIONS : Set.of());
        String format = arguments.option("format").orElse("json").strip().toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("csv")) {
            throw new Arguments.UsageException("--format must be json or csv, got '" + format + "'");
        }
        return CommandLine.onDatabase(application, "report", err, context -> {
            if (!kpis) {
                KpiMeasures.Rebuilt rebuilt = context.getBean(KpiMeasures.class).rebuild();
                out.println("{\"posts\":" + rebuilt.posts() + ",\"replies\":" + rebuilt.replies() + ",\"cases\":" + rebuilt.cases() + "}");
                return 0;
            }
            return kpis(context.getBean(KpiRequest.class), context.getBean(KpiReports.class),
                    context.getBean(ObjectMapper.class), arguments, format, out);
        });
    }
}
