package org.webcare.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.webcare.identity.WebcareUser;
import org.webcare.routing.AgentStatus;
import org.webcare.routing.Agents;

/** The status switch in the sidebar: each agent sets their own (available, away, offline). */
@Controller
class AgentStatusController {

    private final Agents agents;

    AgentStatusController(Agents agents) {
        this.agents = agents;
    }

    @PostMapping("/agents/me/status")
    String status(@RequestParam String status, @AuthenticationPrincipal WebcareUser me, Model model,
                  jakarta.servlet.http.HttpServletResponse response) {
        try {
            model.addAttribute("myStatus", agents.setStatus(me.id(), AgentStatus.parse(status)).status());
        } catch (IllegalArgumentException e) {
            response.setStatus(422);
            model.addAttribute("myStatus", agents.get(me.id()).status());
        }
        return "routing/status :: switch";
    }

    /** The signed-in user's status for the layout's switch; only full pages show it. */
    @ControllerAdvice(annotations = Controller.class)
    static class StatusModel {

        private final Agents agents;

        StatusModel(Agents agents) {
            this.agents = agents;
        }

        @ModelAttribute("agentStatuses")
        AgentStatus[] agentStatuses() {
            return AgentStatus.values();
        }

        @ModelAttribute("myStatus")
        AgentStatus myStatus(HttpServletRequest request) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (request.getRequestURI().startsWith("/api/") || request.getHeader("HX-Request") != null
                    || authentication == null || !(authentication.getPrincipal() instanceof WebcareUser user)) {
                return null;
            }
            return agents.get(user.id()).status();
        }
    }
}
