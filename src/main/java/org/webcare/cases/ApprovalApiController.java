package org.webcare.cases;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
import org.webcare.identity.WebcareUser;
import org.webcare.shared.NotFoundException;

/**
 * REST API of reply approval: policies and the queue (team leads), approving and returning (team leads), and the
 * author's resubmit or discard of a returned reply.
 */
@RestController
@Tag(name = "Reply approval")
class ApprovalApiController {

    private static final int MAX_QUEUE = 500;

    private final ApprovalPolicies policies;
    private final ReplyApprovals approvals;
    private final Replies replies;

    ApprovalApiController(ApprovalPolicies policies, ReplyApprovals approvals, Replies replies) {
        this.policies = policies;
        this.approvals = approvals;
        this.replies = replies;
    }

    @GetMapping("/api/v1/approval-policies")
    @PreAuthorize("hasRole('LEAD')")
    @Operation(summary = "Approval policies: which replies wait for a team lead (team leads)")
    List<ApprovalPolicy> policies() {
        return policies.all();
    }

    @GetMapping("/api/v1/approval-policies/{id}")
    @PreAuthorize("hasRole('LEAD')")
    ApprovalPolicy policy(@PathVariable long id) {
        return policies.find(id).orElseThrow(() -> noPolicy(id));
    }

    @PostMapping("/api/v1/approval-policies")
    @PreAuthorize("hasRole('LEAD')")
    @Operation(summary = "Add an approval policy for a brand (brandId) or an agent (userId)",
            description = "kind: all, public (public replies only) or priority (replies on cases of priority or more "
                    + "urgent; priority 1 is most urgent). Team leads' own replies are never held.")
    ResponseEntity<ApprovalPolicy> create(@RequestBody PolicyRequest request) {
        ApprovalPolicy created = policies.create(request.brandId(), request.userId(), kind(request), request.priority());
        return ResponseEntity.created(URI.create("/api/v1/approval-policies/" + created.id())).body(created);
    }

    @PutMapping("/api/v1/approval-policies/{id}")
    @PreAuthorize("hasRole('LEAD')")
    @Operation(summary = "Change an approval policy; replies held so far stay held")
    ApprovalPolicy update(@PathVariable long id, @RequestBody PolicyRequest request) {
        return policies.update(id, request.brandId(), request.userId(), kind(request), request.priority());
    }

    @DeleteMapping("/api/v1/approval-policies/{id}")
    @PreAuthorize("hasRole('LEAD')")
    @Operation(summary = "Remove an approval policy; replies held so far stay in the queue")
    ResponseEntity<Void> delete(@PathVariable long id) {
        if (!policies.delete(id)) {
            throw noPolicy(id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/approvals")
    @PreAuthorize("hasRole('LEAD')")
    @Operation(summary = "Replies awaiting approval, the longest waiting first, with the post they answer and its case")
    List<ApprovalRequest> queue(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_QUEUE) {
            throw new IllegalArgumentException("limit: must be 1 to " + MAX_QUEUE);
        }
        return approvals.queue(limit);
    }

    @PostMapping("/api/v1/replies/{id}/approve")
    @PreAuthorize("hasRole('LEAD')")
    @Operation(summary = "Approve a held reply, optionally with your edit of its text; it is queued for delivery",
            description = "409 when it no longer awaits approval (another team lead was first); 400 naming the field "
                    + "when the text fails the send-time checks (personal data in a public reply, the platform's rules)")
    Reply approve(@PathVariable long id, @RequestBody(required = false) ApproveRequest request,
                  @AuthenticationPrincipal WebcareUser me) {
        return approvals.approve(id, request == null ? null : request.text(), actor(me));
    }

    @PostMapping("/api/v1/replies/{id}/return")
    @PreAuthorize("hasRole('LEAD')")
    @Operation(summary = "Return a held reply to its author with a comment (required)")
    Reply giveBack(@PathVariable long id, @RequestBody(required = false) ReturnRequest request,
                   @AuthenticationPrincipal WebcareUser me) {
        return approvals.returnToAuthor(id, request == null ? null : request.comment(), actor(me));
    }

    @PutMapping("/api/v1/replies/{id}")
    @Operation(summary = "Edit a returned reply and resubmit it for approval (its author or a team lead)")
    Reply resubmit(@PathVariable long id, @RequestBody(required = false) ResubmitRequest request,
                   @AuthenticationPrincipal WebcareUser me) {
        editable(id, me);
        return approvals.resubmit(id, request == null ? null : request.text(), actor(me));
    }

    @DeleteMapping("/api/v1/replies/{id}")
    @Operation(summary = "Discard a returned reply (its author or a team lead); it is never sent")
    ResponseEntity<Void> discard(@PathVariable long id, @AuthenticationPrincipal WebcareUser me) {
        editable(id, me);
        approvals.discard(id, actor(me));
        return ResponseEntity.noContent().build();
    }

    private void editable(long replyId, WebcareUser me) {
        Reply reply = replies.find(replyId).orElseThrow(() -> new NotFoundException("reply: no reply with id " + replyId));
        if (!reply.editableBy(me)) {
            throw new AccessDeniedException("Only the reply's author or a team lead may change it");
        }
    }

    private static ApprovalPolicy.Kind kind(PolicyRequest request) {
        if (request.kind() == null) {
            throw new IllegalArgumentException("kind: is required (all, public or priority)");
        }
        return ApprovalPolicy.Kind.parse(request.kind());
    }

    private static NotFoundException noPolicy(long id) {
        return new NotFoundException("policy: no approval policy with id " + id);
    }

    private static Actor actor(WebcareUser me) {
        return Actor.user(me.id(), me.displayName());
    }

    /** @param priority for kind {@code priority}: 1 (most urgent) to 5 */
    record PolicyRequest(Long brandId, Long userId, String kind, Integer priority) {
    }

    record ApproveRequest(String text) {
    }

    record ReturnRequest(String comment) {
    }

    record ResubmitRequest(String text) {
    }
}
