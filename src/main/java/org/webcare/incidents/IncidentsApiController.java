package org.webcare.incidents;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.webcare.cases.Actor;
import org.webcare.cases.Case;
import org.webcare.identity.WebcareUser;

/**
 * REST API of incidents. Agents and team leads create incidents, edit them and pick their cases; sending a statement
 * to every case (the holding statement, or the resolution statement by resolving) is for team leads, as is deleting.
 */
@RestController
@Tag(name = "Incidents")
class IncidentsApiController {

    private final Incidents incidents;
    private final BulkReplies bulkReplies;
    private final Candidates candidates;

    IncidentsApiController(Incidents incidents, BulkReplies bulkReplies, Candidates candidates) {
        this.incidents = incidents;
        this.bulkReplies = bulkReplies;
        this.candidates = candidates;
    }

    @GetMapping("/api/v1/incidents")
    @Operation(summary = "Incidents, open ones first, then newest first", description = "status: open or resolved")
    List<Incident> list(@RequestParam(required = false) String status, @RequestParam(required = false) Long brand,
                        @RequestParam(defaultValue = "100") int limit) {
        return incidents.list(status == null || status.isBlank() ? null : IncidentStatus.parse(status), brand, limit);
    }

    @PostMapping("/api/v1/incidents")
    @Operation(summary = "Open an incident for a brand with its holding statement",
            description = "The statement may use the reply template variables ({{customer.name}}, {{case.number}}, …)")
    ResponseEntity<Incident> create(@RequestBody IncidentRequest request, @AuthenticationPrincipal WebcareUser me) {
        if (request.brandId() == null) {
            throw new IllegalArgumentException("brandId: is required");
        }
        Incident created = incidents.create(request.brandId(), request.title(), request.description(),
                request.holdingStatement(), actor(me));
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/incidents/{id}")
    @Operation(summary = "An incident with its cases and, per case, where the holding and resolution statements stand")
    IncidentDetails get(@PathVariable long id) {
        return incidents.details(id);
    }

    @PutMapping("/api/v1/incidents/{id}")
    @Operation(summary = "Change an open incident's title, description and holding statement")
    Incident update(@PathVariable long id, @RequestBody IncidentRequest request) {
        return incidents.update(id, request.title(), request.description(), request.holdingStatement());
    }

    @DeleteMapping("/api/v1/incidents/{id}")
    @PreAuthorize("hasRole('LEAD')")
    @Operation(summary = "Delete an incident nothing was sent for (team leads)")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal WebcareUser me) {
        incidents.delete(id, actor(me));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/incidents/{id}/cases")
    @Operation(summary = "Add cases to an open incident, all or none; their impact becomes high")
    List<Case> addCases(@PathVariable long id, @RequestBody CasesRequest request, @AuthenticationPrincipal WebcareUser me) {
        return incidents.addCases(id, request.caseIds(), actor(me));
    }

    @DeleteMapping("/api/v1/incidents/{id}/cases/{caseId}")
    @Operation(summary = "Take a case out of an open incident")
    ResponseEntity<Void> removeCase(@PathVariable long id, @PathVariable long caseId, @AuthenticationPrincipal WebcareUser me) {
        incidents.removeCase(id, caseId, actor(me));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/incidents/{id}/candidates")
    @Operation(summary = "Active cases of the brand with a post matching a listening query in the period",
            description = "query: the listening query language; since, until: ISO-8601 instants (default: the last 24 hours)")
    List<Candidate> candidates(@PathVariable long id, @RequestParam(required = false) String query,
                               @RequestParam(required = false) String since, @RequestParam(required = false) String until) {
        return candidates.find(id, query, instant("since", since), instant("until", until));
    }

    @GetMapping("/api/v1/incidents/{id}/holding-statement/preview")
    @Operation(summary = "Who the holding statement would reach now: per channel, public or private, refused and why")
    Preview previewHolding(@PathVariable long id, @AuthenticationPrincipal WebcareUser me) {
        return bulkReplies.preview(id, StatementKind.HOLDING, sender(me));
    }

    @PostMapping("/api/v1/incidents/{id}/holding-statement/send")
    @PreAuthorize("hasRole('LEAD')")
    @Operation(summary = "Send the holding statement to every case that has not had it (team leads)")
    SendReport sendHolding(@PathVariable long id, @AuthenticationPrincipal WebcareUser me) {
        return bulkReplies.send(id, StatementKind.HOLDING, sender(me));
    }

    @PostMapping("/api/v1/incidents/{id}/resolve")
    @PreAuthorize("hasRole('LEAD')")
    @Operation(summary = "Resolve the incident and send its resolution statement to every case (team leads)",
            description = "resolveCases: also resolve each case that gets it. Calling it again resumes the follow-up.")
    SendReport resolve(@PathVariable long id, @RequestBody ResolveRequest request, @AuthenticationPrincipal WebcareUser me) {
        return bulkReplies.resolve(id, request.statement(), Boolean.TRUE.equals(request.resolveCases()), sender(me));
    }

    @GetMapping("/api/v1/incidents/{id}/resolution-statement/preview")
    @Operation(summary = "Who the resolution statement would reach now (resolved incidents)")
    Preview previewResolution(@PathVariable long id, @AuthenticationPrincipal WebcareUser me) {
        return bulkReplies.preview(id, StatementKind.RESOLUTION, sender(me));
    }

    @PostMapping("/api/v1/incidents/{id}/resolution-statement/send")
    @PreAuthorize("hasRole('LEAD')")
    @Operation(summary = "Send the resolution statement to the cases that have not had it (team leads)")
    SendReport sendResolution(@PathVariable long id, @AuthenticationPrincipal WebcareUser me) {
        return bulkReplies.send(id, StatementKind.RESOLUTION, sender(me));
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": must be an ISO-8601 instant such as 2026-03-01T08:00:00Z, got '"
                    + value + "'");
        }
    }

    private static Actor actor(WebcareUser me) {
        return Actor.user(me.id(), me.displayName());
    }

    private static Sender sender(WebcareUser me) {
        return new Sender(me.id(), me.displayName(), me.initials());
    }

    record IncidentRequest(Long brandId, String title, String description, String holdingStatement) {
    }

    record CasesRequest(List<Long> caseIds) {
    }

    record ResolveRequest(String statement, Boolean resolveCases) {
    }
}
