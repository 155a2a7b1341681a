package org.webcare.ui;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.webcare.cases.Mention;
import org.webcare.cases.Mentions;
import org.webcare.identity.WebcareUser;
import org.webcare.shared.NotFoundException;

/** The signed-in colleague's mentions: where they were named in a note, unread first, each linking to its case. */
@Controller
class MentionsController {

    private final Mentions mentions;

    MentionsController(Mentions mentions) {
        this.mentions = mentions;
    }

    @GetMapping("/mentions")
    String mentions(@AuthenticationPrincipal WebcareUser me, Model model) {
        model.addAttribute("mentions", mentions.of(me.id()));
        return "mentions/mentions";
    }

    /** Opening a mention reads it: marked read, then on to its case. */
    @GetMapping("/mentions/{id}/open")
    String open(@PathVariable long id, @AuthenticationPrincipal WebcareUser me) {
        return "redirect:/cases/" + read(id, me).caseId();
    }

    @PostMapping("/mentions/{id}/read")
    String markRead(@PathVariable long id, @AuthenticationPrincipal WebcareUser me) {
        read(id, me);
        return "redirect:/mentions";
    }

    private Mention read(long id, WebcareUser me) {
        try {
            return mentions.markRead(id, me.id());
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
