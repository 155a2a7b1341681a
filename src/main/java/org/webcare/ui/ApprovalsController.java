package org.webcare.ui;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.webcare.cases.Actor;
import org.webcare.cases.ApprovalPolicies;
import org.webcare.cases.ApprovalPolicy;
import org.webcare.cases.ApprovalRequest;
import org.webcare.cases.Reply;
import org.webcare.cases.ReplyApprovals;
import org.webcare.channel.Channels;
import org.webcare.identity.Role;
import org.webcare.identity.Users;
import org.webcare.identity.WebcareUser;
import org.webcare.shared.ConflictException;

/**
 * The team lead's approval queue: held replies, the longest waiting first, each approved (as written or edited) or
 * returned with a comment in place; and the approval policies. Team leads only.
 */
@Controller
@PreAuthorize("hasRole('LEAD')")
class ApprovalsController {

    private static final int QUEUE = 100;

    private final ReplyApprovals approvals;
    private final ApprovalPolicies policies;
    private final Channels channels;
    private final Users users;

    ApprovalsController(ReplyApprovals approvals, ApprovalPolicies policies, Channels channels, Users users) {
        this.approvals = approvals;
        this.policies = policies;
        this.channels = channels;
        this.users = users;
    }

    @GetMapping("/approvals")
    String page(Model model) {
        model.addAttribute("requests", approvals.queue(QUEUE));
        model.addAttribute("policies", policies.all());
        model.addAttribute("brands", channels.brands());
        model.addAttribute("agents", users.all().stream().filter(u -> u.role() == Role.AGENT).toList());
        model.addAttribute("kinds", ApprovalPolicy.Kind.values());
        return "cases/approvals";
    }

    @PostMapping("/approvals/{replyId}/approve")
    String approve(@PathVariable long replyId, @RequestParam(required = false) String text,
                   @AuthenticationPrincipal WebcareUser me, Model model, HttpServletResponse response) {
        return decide(replyId, text, false, model, response,
                () -> approvals.approve(replyId, ApprovalText.fromForm(text), actor(me)));
    }

    @PostMapping("/approvals/{replyId}/return")
    String giveBack(@PathVariable long replyId, @RequestParam(required = false) String comment,
                    @AuthenticationPrincipal WebcareUser me, Model model, HttpServletResponse response) {
        return decide(replyId, null, true, model, response, () -> approvals.returnToAuthor(replyId, comment, actor(me)));
    }

    /**
     * The queue item is replaced by the outcome. A refused step keeps the item open with the reason and what the lead
     * typed; an item another team lead decided meanwhile shows what became of it.
     */
    private String decide(long replyId, String text, boolean returning, Model model, HttpServletResponse response,
                          Supplier<Reply> decision) {
        try {
            decision.get();
        } catch (IllegalArgumentException | ConflictException e) {
            response.setStatus(422);
            model.addAttribute("error", e.getMessage().replaceFirst("^[a-zA-Z]+: ", ""));
            model.addAttribute("draft", text);
            model.addAttribute("returning", returning ? Boolean.TRUE : null);
        }
        ApprovalRequest request = approvals.request(replyId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("r", request);
        return request.reply().awaitsApproval() ? "cases/approvals :: item" : "cases/approvals :: decided";
    }

    @PostMapping("/approvals/policies")
    String addPolicy(@RequestParam(required = false) String target, @RequestParam(required = false) String kind,
                     @RequestParam(required = false) Integer priority, RedirectAttributes redirect) {
        try {
            Long brandId = target != null && target.startsWith("brand:") ? Long.valueOf(target.substring(6)) : null;
            Long userId = target != null && target.startsWith("user:") ? Long.valueOf(target.substring(5)) : null;
            ApprovalPolicy.Kind parsed = ApprovalPolicy.Kind.parse(kind);
            policies.create(brandId, userId, parsed, parsed == ApprovalPolicy.Kind.PRIORITY ? priority : null);
        } catch (IllegalArgumentException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage().replaceFirst("^[a-zA-Z]+: ", ""));
        }
        return "redirect:/approvals#policies";
    }

    @PostMapping("/approvals/policies/{id}/remove")
    String removePolicy(@PathVariable long id) {
        policies.delete(id);
        return "redirect:/approvals#policies";
    }

    private static Actor actor(WebcareUser me) {
        return Actor.user(me.id(), me.displayName());
    }
}
