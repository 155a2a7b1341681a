package org.webcare.ui;

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
import org.webcare.cases.Actor;
import org.webcare.cases.CaseView;
import org.webcare.cases.Cases;
import org.webcare.cases.Notes;
import org.webcare.identity.WebcareUser;

/** The internal notes panel of the case page: the team's notes and a form to add one, with @mentions. */
@Controller
class CaseNotesController {

    private final Cases cases;
    private final Notes notes;

    CaseNotesController(Cases cases, Notes notes) {
        this.cases = cases;
        this.notes = notes;
    }

    /** The panel for htmx; opened directly, a page holding just the panel. */
    @GetMapping("/cases/{id}/notes")
    String panel(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("view", view(id));
        return htmx != null ? "cases/notes :: panel" : "cases/notes";
    }

    @PostMapping("/cases/{id}/notes")
    String add(@PathVariable long id, @RequestParam(defaultValue = "") String text, @AuthenticationPrincipal WebcareUser me,
               @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, HttpServletResponse response) {
        try {
            notes.add(id, text, Actor.user(me.id(), me.displayName()));
        } catch (IllegalArgumentException e) {
            response.setStatus(422);
            // "text: why" is for API clients; the agent sees the reason next to the field.
            model.addAttribute("noteError", e.getMessage().replaceFirst("^[a-zA-Z]+: ", ""));
            model.addAttribute("noteDraft", text);
        }
        if (htmx == null && response.getStatus() != 422) {
            return "redirect:/cases/" + id + "/notes";
        }
        model.addAttribute("view", view(id));
        return htmx != null ? "cases/notes :: panel" : "cases/notes";
    }

    private CaseView view(long id) {
        return cases.view(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
