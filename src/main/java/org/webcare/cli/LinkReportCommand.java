package org.webcare.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.webcare.channel.Brand;
import org.webcare.channel.Channels;
import org.webcare.links.LinkGrouping;
import org.webcare.links.LinkTraffic;
import org.webcare.links.LinkTrafficReport;
import org.webcare.shared.CsvExport;
import tools.jackson.databind.ObjectMapper;

/** {@code webcare report links}: traffic from links in replies, as JSON or CSV on standard output. */
@Component
class LinkReportCommand {

    static final Set<String> OPTIONS = Set.of("brand", "channel", "from", "to", "by", "format");

    private final LinkTraffic traffic;
    private final Channels channels;
    private final ObjectMapper json;
    private final ZoneId zone;

    LinkReportCommand(LinkTraffic traffic, Channels channels, ObjectMapper json,
                      @Value("${webcare.time-zone:Europe/Amsterdam}") String zone) {
        this.traffic = traffic;
        this.channels = channels;
        this.json = json;
        this.zone = ZoneId.of(zone);
    }

    int run(List<String> args, PrintStream out) {
        Arguments arguments = Arguments.parse(args, Set.of());
        arguments.allowOnly(OPTIONS);
        Long brand = arguments.option("brand").map(this::brandId).orElse(null);
        Long channel = arguments.option("channel").map(value -> number("channel", value)).orElse(null);
        LocalDate to = arguments.option("to").map(value -> date("to", value)).orElse(LocalDate.now(zone));
        LocalDate from = arguments.option("from").map(value -> date("from", value)).orElse(to.minusDays(29));
        LinkGrouping by;
        try {
            by = LinkGrouping.valueOf(arguments.option("by").orElse("brand").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Arguments.UsageException("--by: brand, channel, template or link, got '" + arguments.option("by").orElse("") + "'");
        }
        String format = arguments.option("format").orElse("json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw new Arguments.UsageException("--format: json or csv, got '" + format + "'");
        }
        LinkTrafficReport report;
        try {
            report = traffic.report(from, to, brand, channel, by);
        } catch (IllegalArgumentException e) {
            throw new Arguments.UsageException(e.getMessage());
        }
        if (format.equals("csv")) {
            out.print(CsvExport.table(List.of(by.name().toLowerCase(Locale.ROOT), "label", "links", "clicks", "previews"),
                    report.rows().stream().<List<?>>map(r -> List.of(r.key(), r.label(), r.links(), r.clicks(), r.previews())).toList()));
        } else {
            out.println(json.writeValueAsString(report));
        }
        out.flush();
        return 0;
    }

    private long brandId(String value) {
        return channels.brandNamed(value).map(Brand::id).orElseGet(() -> {
            try {
                long id = Long.parseLong(value);
                return channels.brand(id).map(Brand::id).orElseThrow(() -> new Arguments.UsageException("--brand: no brand " + value));
            } catch (NumberFormatException e) {
                throw new Arguments.UsageException("--brand: no brand named '" + value + "'");
            }
        });
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new Arguments.UsageException("--" + name + ": a number, got '" + value + "'");
        }
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Arguments.UsageException("--" + name + ": a date such as 2026-11-30, got '" + value + "'");
        }
    }
}
