package org.webcare.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.webcare.cases.Case;
import org.webcare.cases.Cases;
import org.webcare.channel.Channels;
import org.webcare.identity.Users;
import org.webcare.identity.WebcareUser;
import org.webcare.reporting.DurationFigures;
import org.webcare.reporting.KpiBreakdowns;
import org.webcare.reporting.KpiFigure;
import org.webcare.reporting.KpiFormat;
import org.webcare.reporting.KpiQuery;
import org.webcare.reporting.KpiReport;
import org.webcare.reporting.KpiReports;
import org.webcare.reporting.KpiRow;
import org.webcare.reporting.KpiTrend;
import org.webcare.reporting.SlaCompliance;
import org.webcare.reporting.WeeklyReportSettings;
import org.webcare.reporting.WeeklyReports;
import org.webcare.routing.Queues;

/**
 * The team lead's KPI reports: tiles, the KPI table per brand, channel, team or agent, charts per day, SLA compliance,
 * consult waiting, intents and topics, each table also as CSV, and the drill-down to the cases behind a figure. The
 * filters live in the URL so a view can be bookmarked and shared.
 */
@Controller
@PreAuthorize("hasRole('LEAD')")
class ReportsController {

    /** Cases listed on the drill-down page; the CSV has more, the page says when there are more. */
    static final int CASES_SHOWN = 200;
    static final int CASES_EXPORTED = 10_000;

    private final KpiReports kpis;
    private final Channels channels;
    private final Queues queues;
    private final Users users;
    private final Cases cases;
    private final WeeklyReportSettings weeklySettings;
    private final WeeklyReports weeklyReports;
    private final MessageSource messages;
    private final ZoneId zone;

    ReportsController(KpiReports kpis, Channels channels, Queues queues, Users users, Cases cases,
                      WeeklyReportSettings weeklySettings, WeeklyReports weeklyReports, MessageSource messages,
                      @Value("${webcare.time-zone:Europe/Amsterdam}") String zone) {
        this.kpis = kpis;
        this.channels = channels;
        this.queues = queues;
        this.users = users;
        this.cases = cases;
        this.weeklySettings = weeklySettings;
        this.weeklyReports = weeklyReports;
        this.messages = messages;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/reports")
    String reports(ReportFilters.Params params, Locale locale, Model model) {
        ReportFilters filters = filtersOrDefaults(params, model);
        KpiQuery query = filters.query(zone);
        KpiReport report = kpis.report(query, filters.per());
        KpiTrend trend = kpis.trend(query);
        List<SlaCompliance> sla = kpis.slaCompliance(query);
        KpiBreakdowns breakdowns = kpis.breakdowns(query);
        ReportView view = new ReportView(filters, locale);
        Double slaCompliance = compliance(sla);
        long backlogNow = trend.days().isEmpty() ? 0 : trend.days().getLast().backlog();
        model.addAttribute("report", report);
        model.addAttribute("total", report.total());
        List<TableRow> tableRows = new ArrayList<>(report.rows().stream().map(row -> new TableRow(row, false)).toList());
        tableRows.add(new TableRow(report.total(), true));
        model.addAttribute("tableRows", tableRows);
        model.addAttribute("sla", sla);
        model.addAttribute("slaCompliance", slaCompliance);
        model.addAttribute("slaBreached", sla.stream().mapToLong(SlaCompliance::breached).sum());
        model.addAttribute("backlogNow", backlogNow);
        model.addAttribute("today", today());
        model.addAttribute("breakdowns", breakdowns);
        model.addAttribute("charts", new ReportCharts(messages, locale).all(trend,
                view.median(report.total().firstResponse()), KpiFormat.percent(slaCompliance), backlogNow));
        if (filters.brand() != null) {
            model.addAttribute("weekly", weeklySettings.of(filters.brand()));
            model.addAttribute("weeklyBrand", channels.brand(filters.brand()).orElse(null));
            model.addAttribute("weeklyRun", weeklyReports.lastRun(filters.brand()).orElse(null));
        }
        model.addAttribute("weeklyOn", weeklySettings.enabled().stream()
                .map(setting -> channels.brand(setting.brandId()).map(b -> b.name()).orElse("#" + setting.brandId())).toList());
        model.addAttribute("mailConfigured", weeklyReports.mailConfigured());
        return page(filters, view, model);
    }

    @GetMapping("/reports/cases")
    String drillDown(@RequestParam(required = false) String figure, ReportFilters.Params params, Locale locale, Model model,
                     HttpServletResponse response) {
        ReportFilters filters = filtersOrDefaults(params, model);
        KpiFigure chosen;
        try {
            chosen = figure(figure);
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("cases", List.of());
            return page(filters, new ReportView(filters, locale), model, "reports/cases");
        }
        List<Long> ids = kpis.cases(filters.query(zone), chosen, CASES_SHOWN + 1);
        model.addAttribute("figure", chosen);
        model.addAttribute("narrowedTo", narrowedTo(filters, locale));
        model.addAttribute("cases", load(ids.stream().limit(CASES_SHOWN).toList()));
        model.addAttribute("more", ids.size() > CASES_SHOWN);
        model.addAttribute("shownAtMost", CASES_SHOWN);
        return page(filters, new ReportView(filters, locale), model, "reports/cases");
    }

    @GetMapping("/reports/cases.csv")
    ResponseEntity<byte[]> drillDownCsv(@RequestParam(required = false) String figure, ReportFilters.Params params) {
        ReportFilters filters = ReportFilters.parse(params, today());
        KpiFigure chosen = figure(figure);
        List<List<String>> rows = new ArrayList<>();
        for (Case c : load(kpis.cases(filters.query(zone), chosen, CASES_EXPORTED))) {
            rows.add(List.of(Long.toString(c.id()), c.brandName(), c.channelName(), c.customer(), text(c.openedAt()),
                    text(c.firstAgentReplyAt()), text(c.resolvedAt()), c.status().json(),
                    c.assigneeName() == null ? "" : c.assigneeName()));
        }
        return CsvDownload.download(filename("cases-" + chosen.name().toLowerCase(Locale.ROOT), filters),
                List.of("case", "brand", "channel", "customer", "opened", "first_response", "resolved", "status", "assignee"), rows);
    }

    @GetMapping("/reports/{table}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String table, ReportFilters.Params params) {
        ReportFilters filters = ReportFilters.parse(params, today());
        KpiQuery query = filters.query(zone);
        return switch (table) {
            case "kpis" -> kpiCsv(filters, kpis.report(query, filters.per()));
            case "trend" -> trendCsv(filters, kpis.trend(query));
            case "sla" -> slaCsv(filters, kpis.slaCompliance(query));
            case "breakdowns" -> breakdownsCsv(filters, kpis.breakdowns(query));
            default -> throw new IllegalArgumentException("table: must be kpis, trend, sla, breakdowns or cases, got '" + table + "'");
        };
    }

    /** A download is not a page: wrong parameters get the message as plain text, naming the parameter. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<String> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .body(e.getMessage());
    }

    private ResponseEntity<byte[]> kpiCsv(ReportFilters filters, KpiReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (KpiRow row : report.rows()) {
            rows.add(kpiCells(row.dimension().name().toLowerCase(Locale.ROOT), row.key(), row.label(), row));
        }
        rows.add(kpiCells("total", "", "Total", report.total()));
        List<String> header = new ArrayList<>(List.of("per", "key", "label", "monitored", "addressed", "overheard", "answered",
                "answer_rate"));
        for (String duration : List.of("reply_time", "first_response", "first_response_working", "resolution", "resolution_working")) {
            header.addAll(List.of(duration + "_count", duration + "_median_minutes", duration + "_p90_minutes", duration + "_within_target"));
        }
        header.addAll(List.of("cases_opened", "cases_resolved", "public_to_private_share", "negative_share"));
        return CsvDownload.download(filename("kpis-per-" + filters.per().name().toLowerCase(Locale.ROOT), filters), header, rows);
    }

    private static List<String> kpiCells(String per, String key, String label, KpiRow row) {
        List<String> cells = new ArrayList<>(List.of(per, key == null ? "" : key, label == null ? "" : label,
                Long.toString(row.monitored()), Long.toString(row.addressed()), Long.toString(row.overheard()),
                Long.toString(row.answered()), KpiFormat.csvShare(row.answerRate())));
        for (DurationFigures figures : java.util.Arrays.asList(row.replyTime(), row.firstResponse(), row.firstResponseWorking(),
                row.resolution(), row.resolutionWorking())) {
            if (figures == null) {
                cells.addAll(List.of("", "", "", ""));
            } else {
                cells.addAll(List.of(Long.toString(figures.count()), KpiFormat.csvMinutes(figures.medianMinutes()),
                        KpiFormat.csvMinutes(figures.p90Minutes()), KpiFormat.csvShare(figures.withinTarget())));
            }
        }
        cells.addAll(List.of(Long.toString(row.casesOpened()), Long.toString(row.casesResolved()),
                KpiFormat.csvShare(row.publicToPrivateShare()), KpiFormat.csvShare(row.negativeShare())));
        return cells;
    }

    private ResponseEntity<byte[]> trendCsv(ReportFilters filters, KpiTrend trend) {
        List<List<String>> rows = trend.days().stream().map(day -> List.of(day.date().toString(), Long.toString(day.monitored()),
                Long.toString(day.addressed()), Long.toString(day.answered()), Long.toString(day.negative()),
                Long.toString(day.positive()), Long.toString(day.casesOpened()), Long.toString(day.casesResolved()),
                Long.toString(day.backlog()), KpiFormat.csvMinutes(day.firstResponseMedianMinutes()),
                KpiFormat.csvShare(day.slaCompliance()))).toList();
        return CsvDownload.download(filename("trend", filters), List.of("date", "monitored", "addressed", "answered", "negative",
                "positive", "cases_opened", "cases_resolved", "backlog", "first_response_median_minutes", "sla_compliance"), rows);
    }

    private ResponseEntity<byte[]> slaCsv(ReportFilters filters, List<SlaCompliance> sla) {
        List<List<String>> rows = sla.stream().map(s -> List.of(s.policyId() == null ? "" : s.policyId().toString(),
                s.policyName() == null ? "" : s.policyName(), s.clockKind(), Long.toString(s.met()), Long.toString(s.breached()),
                KpiFormat.csvShare(s.compliance()))).toList();
        return CsvDownload.download(filename("sla", filters),
                List.of("policy_id", "policy", "clock", "met", "breached", "compliance"), rows);
    }

    private ResponseEntity<byte[]> breakdownsCsv(ReportFilters filters, KpiBreakdowns breakdowns) {
        List<List<String>> rows = new ArrayList<>();
        breakdowns.intents().forEach(c -> rows.add(List.of("intent", c.name(), Long.toString(c.count()))));
        breakdowns.topics().forEach(c -> rows.add(List.of("topic", c.name(), Long.toString(c.count()))));
        return CsvDownload.download(filename("intents-topics", filters), List.of("kind", "name", "count"), rows);
    }

    private String page(ReportFilters filters, ReportView view, Model model) {
        return page(filters, view, model, "reports/reports");
    }

    private String page(ReportFilters filters, ReportView view, Model model, String template) {
        model.addAttribute("filters", filters);
        model.addAttribute("view", view);
        model.addAttribute("periods", ReportFilters.Period.values());
        model.addAttribute("dimensions", org.webcare.reporting.KpiDimension.values());
        model.addAttribute("brands", channels.brands());
        model.addAttribute("channels", channels.channels());
        model.addAttribute("teams", queues.all().stream()
                .map(q -> q.team() == null || q.team().isBlank() ? q.name() : q.team()).distinct().sorted().toList());
        model.addAttribute("agents", users.all().stream().sorted(Comparator.comparing(WebcareUser::displayName)).toList());
        return template;
    }

    /** Wrong filters are named above the report, which shows the default period instead of an error page. */
    private ReportFilters filtersOrDefaults(ReportFilters.Params params, Model model) {
        try {
            return ReportFilters.parse(params, today());
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            return ReportFilters.defaults(today());
        }
    }

    /** What the filters narrow the drill-down to, by name: "Brand: Polderstroom", "Team: Billing". */
    private List<String> narrowedTo(ReportFilters filters, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (filters.brand() != null) {
            parts.add(part("brand", channels.brand(filters.brand()).map(b -> b.name()).orElse("#" + filters.brand()), locale));
        }
        if (filters.channel() != null) {
            parts.add(part("channel", channels.channel(filters.channel()).map(c -> c.brandName() + " · " + c.name())
                    .orElse("#" + filters.channel()), locale));
        }
        if (filters.team() != null) {
            parts.add(part("team", filters.team(), locale));
        }
        if (filters.agent() != null) {
            parts.add(part("agent", users.all().stream().filter(u -> u.id() == filters.agent()).map(WebcareUser::displayName)
                    .findFirst().orElse("#" + filters.agent()), locale));
        }
        return parts;
    }

    private String part(String filter, String value, Locale locale) {
        return messages.getMessage("reports.filter." + filter, null, locale) + ": " + value;
    }

    private List<Case> load(List<Long> ids) {
        return ids.stream().map(cases::find).flatMap(Optional::stream).toList();
    }

    private static KpiFigure figure(String figure) {
        try {
            return KpiFigure.valueOf(figure == null ? "" : figure.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("figure: must be one of " + java.util.Arrays.toString(KpiFigure.values())
                    + ", got '" + figure + "'");
        }
    }

    private static Double compliance(List<SlaCompliance> sla) {
        long met = sla.stream().mapToLong(SlaCompliance::met).sum();
        long breached = sla.stream().mapToLong(SlaCompliance::breached).sum();
        return met + breached == 0 ? null : (double) met / (met + breached);
    }

    private String text(java.time.Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).withNano(0));
    }

    private static String filename(String table, ReportFilters filters) {
        return "webcare-" + table + "-" + filters.from() + "-" + filters.to() + ".csv";
    }

    private LocalDate today() {
        return LocalDate.now(zone);
    }

    /** A row of the KPI table; the total row keeps the page's filters in its links. */
    record TableRow(KpiRow row, boolean total) {
    }
}
