package org.webcare.ui;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.webcare.cases.Actor;
import org.webcare.cases.Case;
import org.webcare.cases.CaseView;
import org.webcare.cases.Cases;
import org.webcare.identity.WebcareUser;
import org.webcare.routing.Agent;
import org.webcare.routing.Agents;
import org.webcare.routing.CaseRoute;
import org.webcare.routing.CaseRouting;
import org.webcare.routing.CustomerTags;

/**
 * The routing panel of the case page ({@code cases/routing :: panel}): the case's queue and the rule that sent it
 * there, its agent with Claim (and, for team leads, Assign to… and Route again), and the customer's tags. Every action
 * answers with the panel again; a refused one with 422 and the reason in the panel.
 */
@Controller
class CaseRoutingController {

    private final Cases cases;
    private final CaseRouting routing;
    private final Agents agents;
    private final CustomerTags tags;

    CaseRoutingController(Cases cases, CaseRouting routing, Agents agents, CustomerTags tags) {
        this.cases = cases;
        this.routing = routing;
        this.agents = agents;
        this.tags = tags;
    }

    /** The panel for htmx; opened directly, a page of its own around it. */
    @GetMapping("/cases/{id}/routing")
    String panel(@PathVariable long id, @AuthenticationPrincipal WebcareUser me, Model model,
                 @org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false) String htmx) {
        String panel = render(id, me, model);
        return htmx == null ? "routing/case" : panel;
    }

    @PostMapping("/cases/{id}/routing/claim")
    String claim(@PathVariable long id, @AuthenticationPrincipal WebcareUser me, Model model, HttpServletResponse response) {
        return act(id, me, model, response, () -> {
            Case current = cases.get(id);
            if (!current.status().isActive()) {
                throw new IllegalArgumentException("case: a " + current.status().json() + " case cannot be claimed");
            }
            if (current.assigneeId() != null && current.assigneeId() != me.id() && !me.role().leads()) {
                throw new IllegalArgumentException("case: " + current.assigneeName() + " has it; ask a team lead to give it to you");
            }
            cases.assign(id, me.id(), Actor.user(me.id(), me.displayName()), "claimed");
        });
    }

    /** A team lead gives the case to an agent; no agent puts it back in its queue. */
    @PostMapping("/cases/{id}/routing/assign")
    String assign(@PathVariable long id, @RequestParam(required = false) Long userId,
                  @RequestParam(required = false) String reason, @AuthenticationPrincipal WebcareUser me, Model model,
                  HttpServletResponse response) {
        requireLead(me);
        return act(id, me, model, response, () -> cases.assign(id, userId, Actor.user(me.id(), me.displayName()), reason));
    }

    @PostMapping("/cases/{id}/routing/reroute")
    String reroute(@PathVariable long id, @AuthenticationPrincipal WebcareUser me, Model model, HttpServletResponse response) {
        requireLead(me);
        return act(id, me, model, response, () -> routing.reroute(id));
    }

    @PostMapping("/cases/{id}/routing/tags")
    String addTag(@PathVariable long id, @RequestParam(defaultValue = "") String tag, @AuthenticationPrincipal WebcareUser me,
                  Model model, HttpServletResponse response) {
        return act(id, me, model, response, () -> {
            Case current = cases.get(id);
            tags.add(current.brandId(), current.customerHandle(), tag);
        });
    }

    @PostMapping("/cases/{id}/routing/tags/remove")
    String removeTag(@PathVariable long id, @RequestParam String tag, @AuthenticationPrincipal WebcareUser me, Model model,
                     HttpServletResponse response) {
        return act(id, me, model, response, () -> {
            Case current = cases.get(id);
            tags.remove(current.brandId(), current.customerHandle(), tag);
        });
    }

    private String act(long id, WebcareUser me, Model model, HttpServletResponse response, Runnable action) {
        try {
            action.run();
        } catch (IllegalArgumentException | org.webcare.shared.ConflictException e) {
            response.setStatus(422);
            String message = e.getMessage();
            model.addAttribute("routingError", message.contains(": ") ? message.substring(message.indexOf(": ") + 2) : message);
        }
        return render(id, me, model);
    }

    private String render(long id, WebcareUser me, Model model) {
        CaseView view = cases.view(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Case details = view.details();
        List<Agent> assignable = me.role().leads() ? agents.all() : List.of();
        model.addAttribute("view", view);
        model.addAttribute("routingPanel", new Panel(routing.of(id).orElse(null),
                tags.of(details.brandId(), details.customerHandle()), assignable, me.role().leads()));
        return "cases/routing :: panel";
    }

    private static void requireLead(WebcareUser me) {
        if (!me.role().leads()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    /**
     * What the panel shows beyond the case.
     *
     * @param route where the case was routed, or {@code null} when it never was
     * @param agents whom a team lead can give it to (empty for agents)
     */
    record Panel(CaseRoute route, List<String> tags, List<Agent> agents, boolean lead) {
    }
}
