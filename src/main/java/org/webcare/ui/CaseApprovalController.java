package org.webcare.ui;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.webcare.cases.Actor;
import org.webcare.cases.CaseView;
import org.webcare.cases.Cases;
import org.webcare.cases.Reply;
import org.webcare.cases.ReplyApprovals;
import org.webcare.identity.WebcareUser;
import org.webcare.shared.ConflictException;

/**
 * The case page's approval panel ({@code cases/approval :: panel}): the case's replies awaiting approval or returned.
 * Authors (and team leads) edit and resubmit or discard a returned reply; team leads approve or return in place.
 */
@Controller
class CaseApprovalController {

    private final Cases cases;
    private final ReplyApprovals approvals;

    CaseApprovalController(Cases cases, ReplyApprovals approvals) {
        this.cases = cases;
        this.approvals = approvals;
    }

    @GetMapping("/cases/{id}/approval")
    String panel(@PathVariable long id, Model model) {
        model.addAttribute("view", view(id));
        return "cases/approval :: panel";
    }

    @PostMapping("/cases/{id}/approval/{replyId}/resubmit")
    String resubmit(@PathVariable long id, @PathVariable long replyId, @RequestParam(required = false) String text,
                    @AuthenticationPrincipal WebcareUser me, Model model, HttpServletResponse response) {
        editable(id, replyId, me);
        return act(id, replyId, text, model, response,
                () -> approvals.resubmit(replyId, ApprovalText.fromForm(text), actor(me)));
    }

    @PostMapping("/cases/{id}/approval/{replyId}/discard")
    String discard(@PathVariable long id, @PathVariable long replyId, @AuthenticationPrincipal WebcareUser me,
                   Model model, HttpServletResponse response) {
        editable(id, replyId, me);
        return act(id, replyId, null, model, response, () -> approvals.discard(replyId, actor(me)));
    }

    @PostMapping("/cases/{id}/approval/{replyId}/approve")
    @PreAuthorize("hasRole('LEAD')")
    String approve(@PathVariable long id, @PathVariable long replyId, @RequestParam(required = false) String text,
                   @AuthenticationPrincipal WebcareUser me, Model model, HttpServletResponse response) {
        reply(id, replyId);
        return act(id, replyId, text, model, response,
                () -> approvals.approve(replyId, ApprovalText.fromForm(text), actor(me)));
    }

    @PostMapping("/cases/{id}/approval/{replyId}/return")
    @PreAuthorize("hasRole('LEAD')")
    String giveBack(@PathVariable long id, @PathVariable long replyId, @RequestParam(required = false) String comment,
                    @RequestParam(required = false) String text, @AuthenticationPrincipal WebcareUser me, Model model,
                    HttpServletResponse response) {
        reply(id, replyId);
        return act(id, replyId, text, model, response, () -> approvals.returnToAuthor(replyId, comment, actor(me)));
    }

    /** Re-renders the panel; a refused step shows its reason at the reply, keeping what was typed. */
    private String act(long id, long replyId, String text, Model model, HttpServletResponse response, Supplier<Reply> step) {
        try {
            step.get();
            response.setHeader("HX-Trigger", "approval-changed");
        } catch (IllegalArgumentException | ConflictException e) {
            response.setStatus(422);
            model.addAttribute("error", e.getMessage().replaceFirst("^[a-zA-Z]+: ", ""));
            model.addAttribute("errorReplyId", replyId);
            model.addAttribute("draft", text);
        }
        model.addAttribute("view", view(id));
        return "cases/approval :: panel";
    }

    private void editable(long caseId, long replyId, WebcareUser me) {
        if (!reply(caseId, replyId).editableBy(me)) {
            throw new AccessDeniedException("Only the reply's author or a team lead may change it");
        }
    }

    /** The reply, when it answers a post of this case. */
    private Reply reply(long caseId, long replyId) {
        return view(caseId).replies().stream().filter(r -> r.id() == replyId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private CaseView view(long caseId) {
        return cases.view(caseId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Actor actor(WebcareUser me) {
        return Actor.user(me.id(), me.displayName());
    }
}
