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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.webcare.cases.Actor;
import org.webcare.cases.CaseView;
import org.webcare.cases.Cases;
import org.webcare.consults.Consult;
import org.webcare.consults.Consults;
import org.webcare.identity.WebcareUser;
import org.webcare.shared.ConflictException;

/**
 * The consults panel of the case page: ask an expert, and the case's consults with their due time, overdue ones
 * flagged and answers shown. The list refreshes itself while a consult is open.
 */
@Controller
class CaseConsultsController {

    /** The due times the panel offers, as ISO durations. */
    static final List<String> DUE_IN = List.of("PT1H", "PT4H", "P1D", "P3D");

    private final Cases cases;
    private final Consults consults;

    CaseConsultsController(Cases cases, Consults consults) {
        this.cases = cases;
        this.consults = consults;
    }

    /** The panel for htmx; opened directly, a page holding just the panel. */
    @GetMapping("/cases/{id}/consults")
    String panel(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        addPanel(model, id);
        return htmx != null ? "cases/consults :: panel" : "cases/consults";
    }

    @GetMapping("/cases/{id}/consults/list")
    String list(@PathVariable long id, Model model) {
        addPanel(model, id);
        return "cases/consults :: list";
    }

    @PostMapping("/cases/{id}/consults")
    String ask(@PathVariable long id, @RequestParam(defaultValue = "") String expertEmail,
               @RequestParam(defaultValue = "") String question, @RequestParam(defaultValue = "PT4H") String dueIn,
               @AuthenticationPrincipal WebcareUser me, @RequestHeader(value = "HX-Request", required = false) String htmx,
               jakarta.servlet.http.HttpServletRequest request, Model model, HttpServletResponse response) {
        try {
            consults.ask(id, expertEmail, question, consults.dueFrom(null, dueIn), RequestContextUtils.getLocale(request),
                    Actor.user(me.id(), me.displayName()));
        } catch (IllegalArgumentException | ConflictException e) {
            response.setStatus(422);
            model.addAttribute("consultError", e.getMessage().replaceFirst("^[a-zA-Z]+: ", ""));
            model.addAttribute("draft", new Draft(expertEmail, question, dueIn));
        }
        if (htmx == null && response.getStatus() != 422) {
            return "redirect:/cases/" + id + "/consults";
        }
        addPanel(model, id);
        return htmx != null ? "cases/consults :: panel" : "cases/consults";
    }

    @PostMapping("/cases/{id}/consults/{consultId}/cancel")
    String cancel(@PathVariable long id, @PathVariable long consultId, @AuthenticationPrincipal WebcareUser me,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        try {
            consults.cancel(id, consultId, Actor.user(me.id(), me.displayName()));
        } catch (ConflictException e) {
            // Answered meanwhile: the refreshed panel shows the answer, which says more than an error would.
        } catch (org.webcare.shared.NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (htmx == null) {
            return "redirect:/cases/" + id + "/consults";
        }
        addPanel(model, id);
        return "cases/consults :: panel";
    }

    private void addPanel(Model model, long id) {
        CaseView view = cases.view(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<Consult> ofCase = consults.ofCase(id);
        model.addAttribute("view", view);
        model.addAttribute("consults", ofCase);
        model.addAttribute("anyOpen", ofCase.stream().anyMatch(Consult::open));
        model.addAttribute("dueChoices", DUE_IN);
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new Draft("", "", "PT4H"));
        }
    }

    /** What the agent typed, kept when the question was refused. */
    record Draft(String expertEmail, String question, String dueIn) {
    }
}
