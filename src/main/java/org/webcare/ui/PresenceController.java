package org.webcare.ui;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.webcare.cases.CasePresence;
import org.webcare.cases.Cases;
import org.webcare.identity.WebcareUser;

/**
 * The case page's presence panel ({@code cases/presence :: panel}): the page reports every 10 s and when the agent
 * starts or stops typing (static/js/webcare.js), and gets back who else has the case open.
 */
@Controller
class PresenceController {

    private final Cases cases;
    private final CasePresence presence;

    PresenceController(Cases cases, CasePresence presence) {
        this.cases = cases;
        this.presence = presence;
    }

    @GetMapping("/cases/{id}/presence")
    String panel(@PathVariable long id, @AuthenticationPrincipal WebcareUser me, Model model) {
        model.addAttribute("view", cases.view(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("others", presence.others(id, me.id()));
        return "cases/presence :: panel";
    }

    @PostMapping("/cases/{id}/presence")
    String report(@PathVariable long id, @RequestParam(defaultValue = "false") boolean typing,
                  @AuthenticationPrincipal WebcareUser me, Model model) {
        // Unknown cases are refused, so reports cannot fill the memory with made-up case ids.
        cases.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        presence.report(id, me.id(), me.displayName(), typing);
        model.addAttribute("others", presence.others(id, me.id()));
        return "cases/presence :: others";
    }
}
