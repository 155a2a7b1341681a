package org.webcare.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the KPI reports, for team leads and admins: they tell how the whole team does, not about one case.
 * Parameters are the command line's: brand (name or id), channel (id), team, agent (e-mail or id), from/to (ISO date,
 * to inclusive, or ISO instant; default the last 30 days), by (brand, channel, team, agent).
 */
@RestController
@Tag(name = "Reports")
class KpiApiController {

    private static final String PERIOD = "brand: name or id; channel: id; team: a queue's team (or the queue's name); "
            + "agent: e-mail or user id; from/to: ISO date in webcare.time-zone (to inclusive) or ISO instant, default the "
            + "last 30 days up to today.";

    private final KpiReports reports;
    private final KpiRequest requests;

    KpiApiController(KpiReports reports, KpiRequest requests) {
        this.reports = reports;
        this.requests = requests;
    }

    @GetMapping("/api/v1/reports/kpis")
    @PreAuthorize("hasRole('LEAD')")
    @Operation(summary = "KPI figures per brand, channel, team or agent (team leads)",
            description = PERIOD + " by: brand (default), channel, team or agent; the array is named after it "
                    + "(brands, channels, teams, agents). Minutes are rounded to one decimal. CSV with Accept: text/csv or format=csv.")
    ResponseEntity<?> kpis(@RequestParam(required = false) String brand, @RequestParam(required = false) String channel,
                           @RequestParam(required = false) String team, @RequestParam(required = false) String agent,
                           @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                           @RequestParam(required = false) String by, @RequestParam(required = false) String format,
                           @RequestHeader(value = "Accept", required = false) String accept) {
        boolean csv = csv(format, accept);
        KpiRequest.Parsed request = requests.parse(brand, channel, team, agent, from, to, by);
        KpiReport report = reports.report(request.query(), request.by());
        if (csv) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .body(KpiOutput.csv(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(KpiOutput.json(report));
    }

    @GetMapping("/api/v1/reports/kpis/trend")
    @PreAuthorize("hasRole('LEAD')")
    @Operation(summary = "KPI figures day by day (team leads)", description = PERIOD
            + " Days are local dates in webcare.time-zone; backlog: cases not resolved or closed at the end of the day.")
    List<TrendDay> trend(@RequestParam(required = false) String brand, @RequestParam(required = false) String channel,
                         @RequestParam(required = false) String team, @RequestParam(required = false) String agent,
                         @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        KpiQuery query = requests.parse(brand, channel, team, agent, from, to, null).query();
        return reports.trend(query).days().stream().map(d -> new TrendDay(d.date(), d.monitored(), d.addressed(), d.answered(),
                d.negative(), d.positive(), d.casesOpened(), d.casesResolved(), d.backlog(),
                KpiOutput.minutes(d.firstResponseMedianMinutes()), KpiOutput.share(d.slaCompliance()))).toList();
    }

    @GetMapping("/api/v1/reports/kpis/sla")
    @PreAuthorize("hasRole('LEAD')")
    @Operation(summary = "SLA compliance per policy and clock kind (team leads)",
            description = PERIOD + " Clocks that stopped in the period, met or breached.")
    List<SlaCompliance> sla(@RequestParam(required = false) String brand, @RequestParam(required = false) String channel,
                            @RequestParam(required = false) String team, @RequestParam(required = false) String agent,
                            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        KpiQuery query = requests.parse(brand, channel, team, agent, from, to, null).query();
        return reports.slaCompliance(query).stream().map(s -> new SlaCompliance(s.policyId(), s.policyName(), s.clockKind(),
                s.met(), s.breached(), KpiOutput.share(s.compliance()))).toList();
    }

    @GetMapping("/api/v1/reports/kpis/breakdowns")
    @PreAuthorize("hasRole('LEAD')")
    @Operation(summary = "Consult waiting, top intents and top topics of the addressed posts (team leads)", description = PERIOD)
    Map<String, Object> breakdowns(@RequestParam(required = false) String brand, @RequestParam(required = false) String channel,
                                   @RequestParam(required = false) String team, @RequestParam(required = false) String agent,
                                   @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        KpiQuery query = requests.parse(brand, channel, team, agent, from, to, null).query();
        KpiBreakdowns breakdowns = reports.breakdowns(query);
        return Map.of("consultWaiting", KpiOutput.durations(breakdowns.consultWaiting(), true),
                "intents", breakdowns.intents(), "topics", breakdowns.topics());
    }

    @GetMapping("/api/v1/reports/kpis/cases")
    @PreAuthorize("hasRole('LEAD')")
    @Operation(summary = "The cases behind a figure, newest first (team leads)", description = PERIOD
            + " figure: cases, first-response, first-response-late, unanswered, resolved, resolution-late, sla-breached, "
            + "backlog, public-to-private; limit: 1-1000 (default 100).")
    CaseList cases(@RequestParam(required = false) String figure, @RequestParam(required = false) String limit,
                   @RequestParam(required = false) String brand, @RequestParam(required = false) String channel,
                   @RequestParam(required = false) String team, @RequestParam(required = false) String agent,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        KpiFigure which = KpiRequest.figure(figure);
        int max = limit(limit);
        KpiQuery query = requests.parse(brand, channel, team, agent, from, to, null).query();
        return new CaseList(which.name().toLowerCase(Locale.ROOT).replace('_', '-'), reports.cases(query, which, max));
    }

    private static boolean csv(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new IllegalArgumentException("format: must be json or csv, got '" + format + "'");
            };
        }
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 100;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= 1000) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("limit: must be a whole number from 1 to 1000, got '" + limit + "'");
    }

    record TrendDay(LocalDate date, long monitored, long addressed, long answered, long negative, long positive,
                    long casesOpened, long casesResolved, long backlog, Double firstResponseMedianMinutes, Double slaCompliance) {
    }

    record CaseList(String figure, List<Long> cases) {
    }
}
