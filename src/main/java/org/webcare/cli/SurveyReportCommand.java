package org.webcare.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.webcare.channel.Brand;
import org.webcare.channel.Channels;
import org.webcare.surveys.SurveyQuery;
import org.webcare.surveys.SurveyReport;
import org.webcare.surveys.SurveyReports;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code webcare report surveys [--brand B] [--from D] [--to D] [--by brand|channel|team|agent|day|week]
 * [--format json|csv]}: the survey report on the configured database, as JSON (the REST API's answer) or CSV.
 * A brand is given by name or id.
 */
final class SurveyReportCommand {

    private static final Set<String> OPTIONS = Set.of("brand", "from", "to", "by", "format");

    private SurveyReportCommand() {
    }

    static int run(Class<?> application, List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || !args.getFirst().equals("surveys")) {
            throw new Arguments.UsageException("report what? surveys [--brand B] [--from D] [--to D] [--by brand|channel|team|agent|day|week] --format json|csv");
        }
        Arguments arguments = Arguments.parse(args.subList(1, args.size()), Set.of());
        arguments.allowOnly(OPTIONS);
        String format = arguments.option("format").orElse("json").strip();
        if (!format.equals("json") && !format.equals("csv")) {
            throw new Arguments.UsageException("--format: must be json or csv; got '" + format + "'");
        }
        return CommandLine.onDatabase(application, "report surveys", err, context -> {
            SurveyReports reports = context.getBean(SurveyReports.class);
            String brand = arguments.option("brand").map(b -> brandId(context.getBean(Channels.class), b)).orElse(null);
            SurveyQuery query = SurveyQuery.parse(brand, null, null, null, arguments.option("from").orElse(null),
                    arguments.option("to").orElse(null), arguments.option("by").orElse(null), reports.today());
            SurveyReport report = reports.report(query);
            if (format.equals("csv")) {
                out.print(reports.csv(report));
            } else {
                out.println(context.getBean(ObjectMapper.class).writeValueAsString(report));
            }
            out.flush();
            return 0;
        });
    }

    private static String brandId(Channels channels, String brand) {
        String value = brand.strip();
        if (value.matches("\\d+")) {
            return channels.brand(Long.parseLong(value)).map(b -> String.valueOf(b.id()))
                    .orElseThrow(() -> new IllegalArgumentException("--brand: no brand with id " + value));
        }
        return channels.brandNamed(value).map(Brand::id).map(String::valueOf)
                .orElseThrow(() -> new IllegalArgumentException("--brand: no brand named '" + value + "'"));
    }
}
