package org.webcare.cases;

import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.webcare.identity.WebcareUser;
import org.webcare.shared.NotFoundException;
import org.webcare.shared.Visibility;

/** REST API of cases: the work list, a case with its conversation and history, and every change agents make. */
@RestController
@Tag(name = "Cases")
class CaseApiController {

    private final Cases cases;
    private final CaseReplies caseReplies;
    private final ReplyAdvice advice;

    CaseApiController(Cases cases, CaseReplies caseReplies, ReplyAdvice advice) {
        this.cases = cases;
        this.caseReplies = caseReplies;
        this.advice = advice;
    }

    @GetMapping("/api/v1/cases")
    @Operation(summary = "Cases, most urgent first, then longest waiting",
            description = "status: comma-separated (new,open,pending-customer,pending-internal,resolved,closed), default the "
                    + "active ones; assignee: me, none, or a user id")
    List<Case> list(@RequestParam(required = false) String status, @RequestParam(required = false) Long brand,
                    @RequestParam(required = false) String assignee, @RequestParam(required = false) Integer maxPriority,
                    @RequestParam(required = false) String customer, @RequestParam(defaultValue = "50") int limit,
                    @AuthenticationPrincipal WebcareUser me) {
        Set<CaseStatus> statuses = status == null || status.isBlank() ? CaseFilter.active(limit).statuses()
                : Arrays.stream(status.split(",")).map(CaseStatus::parse).collect(Collectors.toCollection(() -> EnumSet.noneOf(CaseStatus.class)));
        Long assigneeId = null;
        boolean unassigned = false;
        if ("me".equalsIgnoreCase(assignee)) {
            assigneeId = me.id();
        } else if ("none".equalsIgnoreCase(assignee)) {
            unassigned = true;
        } else if (assignee != null && !assignee.isBlank()) {
            try {
                assigneeId = Long.parseLong(assignee.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("assignee: must be 'me', 'none' or a user id, got '" + assignee + "'");
            }
        }
        return cases.list(new CaseFilter(statuses, brand, assigneeId, unassigned, maxPriority, customer, limit));
    }

    @GetMapping("/api/v1/cases/{id}")
    @Operation(summary = "A case with its posts, the team's replies and its history")
    CaseView view(@PathVariable long id) {
        return cases.view(id).orElseThrow(() -> new NotFoundException("case: no case with id " + id));
    }

    @GetMapping("/api/v1/cases/{id}/events")
    @Operation(summary = "Every change of a case: who, when, what and why")
    List<CaseEvent> events(@PathVariable long id) {
        return cases.history(id);
    }

    @GetMapping("/api/v1/posts/{id}/case")
    Case caseOfPost(@PathVariable long id) {
        return cases.caseOf(id).orElseThrow(() -> new NotFoundException("case: post " + id + " is in no case"));
    }

    @PostMapping("/api/v1/posts/{id}/case")
    @Operation(summary = "Make a case of an overheard post (returns the existing case when it has one)")
    ResponseEntity<Case> open(@PathVariable long id, @AuthenticationPrincipal WebcareUser me) {
        Case opened = cases.open(id, actor(me));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + opened.id())).body(opened);
    }

    @PostMapping("/api/v1/cases/{id}/status")
    @Operation(summary = "Move a case through its lifecycle",
            description = "new → open → pending-customer | pending-internal → resolved → closed; resolved may reopen")
    Case status(@PathVariable long id, @RequestBody StatusRequest request, @AuthenticationPrincipal WebcareUser me) {
        if (request.status() == null) {
            throw new IllegalArgumentException("status: is required");
        }
        return cases.changeStatus(id, CaseStatus.parse(request.status()), actor(me), request.reason());
    }

    @PutMapping("/api/v1/cases/{id}/priority")
    @Operation(summary = "Override the computed priority (1 critical … 5 planning) with a reason; null computes it again")
    Case priority(@PathVariable long id, @RequestBody PriorityRequest request, @AuthenticationPrincipal WebcareUser me) {
        if (request.priority() == null) {
            return cases.computePriority(id, actor(me));
        }
        return cases.overridePriority(id, request.priority(), actor(me), request.reason());
    }

    @PutMapping("/api/v1/cases/{id}/assignee")
    @Operation(summary = "Give a case to an agent; userId null puts it back in its queue")
    Case assign(@PathVariable long id, @RequestBody AssignRequest request, @AuthenticationPrincipal WebcareUser me) {
        return cases.assign(id, request.userId(), actor(me), request.reason());
    }

    @PostMapping("/api/v1/cases/{id}/claim")
    @Operation(summary = "Take a case yourself")
    Case claim(@PathVariable long id, @AuthenticationPrincipal WebcareUser me) {
        return cases.assign(id, me.id(), actor(me), null);
    }

    @PostMapping("/api/v1/cases/{id}/merge")
    @Operation(summary = "Merge this case into another of the same brand; returns the case merged into")
    Case merge(@PathVariable long id, @RequestBody MergeRequest request, @AuthenticationPrincipal WebcareUser me) {
        if (request.into() == null) {
            throw new IllegalArgumentException("into: name the case to merge into");
        }
        return cases.merge(id, request.into(), actor(me), request.reason());
    }

    @PostMapping("/api/v1/cases/{id}/split")
    @Operation(summary = "Move some posts of this case into a new case; returns the new case")
    ResponseEntity<Case> split(@PathVariable long id, @RequestBody SplitRequest request, @AuthenticationPrincipal WebcareUser me) {
        Case created = cases.split(id, request.postIds(), actor(me), request.reason());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + created.id())).body(created);
    }

    @PostMapping("/api/v1/cases/{id}/replies")
    @Operation(summary = "Reply in a case: to its newest customer post unless postId names another",
            description = "status optionally moves the case on after sending (e.g. pending-customer or resolved). "
                    + "openedAt (when the agent opened the case) makes the reply fail with 409 when a colleague replied "
                    + "since; send again with confirm=true to send anyway. 201 when queued for delivery; 202 with state "
                    + "AWAITING_APPROVAL when an approval policy holds it (nothing sent, the status left as it is)")
    ResponseEntity<Reply> reply(@PathVariable long id, @RequestBody CaseReplyRequest request, @AuthenticationPrincipal WebcareUser me) {
        Visibility visibility = request.visibility() == null ? null : Visibility.parse(request.visibility())
                .orElseThrow(() -> new IllegalArgumentException("visibility: must be 'public' or 'private', got '" + request.visibility() + "'"));
        Reply reply = caseReplies.send(id, new CaseReplies.Request(request.postId(), request.text(), visibility,
                request.status() == null ? null : CaseStatus.parse(request.status()), request.openedAt(),
                Boolean.TRUE.equals(request.confirm())), actor(me));
        if (reply.awaitsApproval()) {
            return ResponseEntity.accepted().location(URI.create("/api/v1/replies/" + reply.id())).body(reply);
        }
        return ResponseEntity.created(URI.create("/api/v1/replies/" + reply.id())).body(reply);
    }

    @GetMapping("/api/v1/cases/{id}/advice")
    @Operation(summary = "Whether to move the conversation to private before replying, and why")
    java.util.Map<String, Object> advice(@PathVariable long id) {
        CaseView view = cases.view(id).orElseThrow(() -> new NotFoundException("case: no case with id " + id));
        List<ReplyAdvice.Reason> reasons = advice.goPrivate(view);
        return java.util.Map.of("goPrivate", !reasons.isEmpty(), "reasons", reasons);
    }

    private static Actor actor(WebcareUser me) {
        return Actor.user(me.id(), me.displayName());
    }

    record StatusRequest(String status, String reason) {
    }

    record PriorityRequest(Integer priority, String reason) {
    }

    record AssignRequest(Long userId, String reason) {
    }

    record MergeRequest(Long into, String reason) {
    }

    record SplitRequest(List<Long> postIds, String reason) {
    }

    record CaseReplyRequest(String text, String visibility, Long postId, String status, java.time.Instant openedAt,
                            Boolean confirm) {
    }
}
