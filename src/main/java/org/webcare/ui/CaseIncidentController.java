package org.webcare.ui;

import java.util.List;
import java.util.Optional;

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
import org.webcare.cases.CaseView;
import org.webcare.cases.Cases;
import org.webcare.identity.WebcareUser;
import org.webcare.incidents.Incident;
import org.webcare.incidents.IncidentStatus;
import org.webcare.incidents.Incidents;
import org.webcare.shared.ConflictException;
import org.webcare.shared.NotFoundException;

/**
 * The incident panel of the case page ({@code cases/incident :: panel}): the incident the case belongs to, or a
 * choice of the brand's open incidents to add it to. The page includes the panel with only {@code view} and
 * {@code me}; the panel then loads its content from here, and refreshes itself after each change.
 */
@Controller
class CaseIncidentController {

    private final Cases cases;
    private final Incidents incidents;

    CaseIncidentController(Cases cases, Incidents incidents) {
        this.cases = cases;
        this.incidents = incidents;
    }

    @GetMapping("/cases/{id}/incident")
    String panel(@PathVariable long id, Model model) {
        return panel(id, model, null);
    }

    @PostMapping("/cases/{id}/incident")
    String add(@PathVariable long id, @RequestParam(required = false) Long incidentId,
               @AuthenticationPrincipal WebcareUser me, Model model, HttpServletResponse response) {
        try {
            if (incidentId == null) {
                throw new IllegalArgumentException("incidentId: choose an incident");
            }
            incidents.addCases(incidentId, List.of(id), Actor.user(me.id(), me.displayName()));
        } catch (IllegalArgumentException | ConflictException | NotFoundException e) {
            response.setStatus(422);
            return panel(id, model, e.getMessage().replaceFirst("^[a-zA-Z]+: ", ""));
        }
        return panel(id, model, null);
    }

    @PostMapping("/cases/{id}/incident/remove")
    String remove(@PathVariable long id, @RequestParam long incidentId, @AuthenticationPrincipal WebcareUser me,
                  Model model, HttpServletResponse response) {
        try {
            incidents.removeCase(incidentId, id, Actor.user(me.id(), me.displayName()));
        } catch (ConflictException | NotFoundException e) {
            response.setStatus(422);
            return panel(id, model, e.getMessage().replaceFirst("^[a-zA-Z]+: ", ""));
        }
        return panel(id, model, null);
    }

    private String panel(long caseId, Model model, String error) {
        CaseView view = cases.view(caseId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Optional<Incident> incident = incidents.incidentOf(caseId);
        model.addAttribute("view", view);
        model.addAttribute("incidentLoaded", true);
        model.addAttribute("incident", incident.orElse(null));
        model.addAttribute("membership", incident.flatMap(i -> incidents.linkedCase(i.id(), caseId)).orElse(null));
        model.addAttribute("openIncidents", incidents.list(IncidentStatus.OPEN, view.details().brandId(), 50));
        model.addAttribute("incidentError", error);
        return "cases/incident :: panel";
    }
}
