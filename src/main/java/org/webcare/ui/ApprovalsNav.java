package org.webcare.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.webcare.cases.ReplyApprovals;
import org.webcare.identity.WebcareUser;

/** The number of replies awaiting approval, shown to team leads next to Approvals in the navigation. */
@ControllerAdvice(basePackages = "org.webcare.ui")
class ApprovalsNav {

    private final ReplyApprovals approvals;

    ApprovalsNav(ReplyApprovals approvals) {
        this.approvals = approvals;
    }

    /** {@code null} for agents, and for htmx fragments, which have no navigation. */
    @ModelAttribute("approvalsWaiting")
    Long approvalsWaiting(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean leads = authentication != null && authentication.getPrincipal() instanceof WebcareUser me && me.role().leads();
        if (!leads || request.getHeader("HX-Request") != null) {
            return null;
        }
        return approvals.waiting();
    }
}
