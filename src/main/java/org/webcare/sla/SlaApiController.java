package org.webcare.sla;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.webcare.cases.Case;
import org.webcare.identity.WebcareUser;
import org.webcare.cases.Cases;

/**
 * REST API of service levels: policies (changing them takes a team lead), a case's clocks, active cases by time left,
 * and stored outcomes for reports.
 */
@RestController
@Tag(name = "SLA")
class SlaApiController {

    private static final String LEAD = "hasRole('LEAD')";

    private final SlaPolicies policies;
    private final SlaClocks clocks;
    private final SlaReports reports;
    private final Cases cases;
    private final SlaNotifications notifications;
    private final Clock clock;

    SlaApiController(SlaPolicies policies, SlaClocks clocks, SlaReports reports, Cases cases,
                     SlaNotifications notifications, Optional<Clock> clock) {
        this.notifications = notifications;
        this.policies = policies;
        this.clocks = clocks;
        this.reports = reports;
        this.cases = cases;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @GetMapping("/api/v1/sla/policies")
    @Operation(summary = "SLA policies in the order they are tried, of one brand or all")
    List<PolicyView> list(@RequestParam(required = false) Long brand) {
        return (brand == null ? policies.all() : policies.ofBrand(brand)).stream().map(PolicyView::of).toList();
    }

    @GetMapping("/api/v1/sla/policies/{id}")
    PolicyView get(@PathVariable long id) {
        return PolicyView.of(policies.get(id));
    }

    @PostMapping("/api/v1/sla/policies")
    @PreAuthorize(LEAD)
    @Operation(summary = "Add an SLA policy (team leads)", description = "targets: ISO-8601 durations (PT4H); "
            + "firstResponse is required, nextResponse and resolution are optional")
    ResponseEntity<PolicyView> create(@RequestBody PolicyDraft draft) {
        SlaPolicy created = policies.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/sla/policies/" + created.id())).body(PolicyView.of(created));
    }

    @PutMapping("/api/v1/sla/policies/{id}")
    @PreAuthorize(LEAD)
    @Operation(summary = "Replace an SLA policy (team leads)")
    PolicyView update(@PathVariable long id, @RequestBody PolicyDraft draft) {
        return PolicyView.of(policies.update(id, draft));
    }

    @DeleteMapping("/api/v1/sla/policies/{id}")
    @PreAuthorize(LEAD)
    ResponseEntity<Void> remove(@PathVariable long id) {
        policies.remove(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/cases/{id}/sla")
    @Operation(summary = "A case's SLA clocks with their state, time left and outcome")
    CaseSla ofCase(@PathVariable long id) {
        Case found = cases.get(id);
        Instant now = clock.instant();
        var view = cases.view(id).orElseThrow();
        SlaPolicy policy = clocks.policyOf(found, view.posts());
        return new CaseSla(id, policy.id() == 0 ? null : policy.id(), policy.name(),
                clocks.of(id).stream().map(c -> ClockView.of(c, now)).toList());
    }

    @GetMapping("/api/v1/sla/cases")
    @Operation(summary = "Active cases with their nearest running clock", description = "sort=time-left (the only order): soonest due first")
    List<ClockView> byTimeLeft(@RequestParam(defaultValue = "time-left") String sort, @RequestParam(defaultValue = "100") int limit) {
        if (!"time-left".equals(sort)) {
            throw new IllegalArgumentException("sort: must be time-left");
        }
        if (limit < 1 || limit > 1_000) {
            throw new IllegalArgumentException("limit: must be from 1 to 1000");
        }
        Instant now = clock.instant();
        return reports.byTimeLeft(limit).stream().map(c -> ClockView.of(c, now)).toList();
    }

    @GetMapping("/api/v1/sla/outcomes")
    @Operation(summary = "Outcomes of the clocks stopped in [from, to)", description = "latest: for resolution, whether "
            + "this stretch is the case's newest (a reopened case counts its newest)")
    List<OutcomeView> outcomes(@RequestParam(required = false) Long brand, @RequestParam String from, @RequestParam String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("to: must be after from");
        }
        Instant now = clock.instant();
        return reports.outcomes(brand, start, end).stream()
                .map(o -> new OutcomeView(o.brandId(), o.latest(), ClockView.of(o.clock(), now))).toList();
    }

    @GetMapping("/api/v1/sla/notifications")
    @Operation(summary = "The signed-in user's SLA warnings and breaches, newest first, with the unread count")
    Notifications notifications(@AuthenticationPrincipal WebcareUser me) {
        return new Notifications(notifications.unread(me.id()), notifications.of(me.id(), 100));
    }

    @PostMapping("/api/v1/sla/notifications/read")
    @Operation(summary = "Mark the signed-in user's SLA notifications read")
    ResponseEntity<Void> read(@AuthenticationPrincipal WebcareUser me) {
        notifications.markRead(me.id());
        return ResponseEntity.noContent().build();
    }

    record Notifications(int unread, List<SlaNotification> items) {
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(field + ": must be an instant like 2026-03-01T00:00:00Z");
        }
    }

    record CaseSla(long caseId, Long policyId, String policyName, List<ClockView> clocks) {
    }

    record OutcomeView(long brandId, boolean latest, ClockView clock) {
    }
}
