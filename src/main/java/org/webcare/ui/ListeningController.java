package org.webcare.ui;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.webcare.identity.WebcareUser;
import org.webcare.listening.SavedQueries;

/** The saved listening queries: list, add (with the parse error and its position), remove. */
@Controller
class ListeningController {

    private final SavedQueries queries;

    ListeningController(SavedQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/listening")
    String listening(Model model) {
        model.addAttribute("queries", queries.all());
        return "listening/queries";
    }

    @PostMapping("/listening/queries")
    String save(@RequestParam String name, @RequestParam String query, @AuthenticationPrincipal WebcareUser me,
                RedirectAttributes redirect) {
        try {
            queries.save(name, query, me.id());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("name", name);
            redirect.addFlashAttribute("query", query);
        }
        return "redirect:/listening";
    }

    @PostMapping("/listening/queries/remove")
    String remove(@RequestParam long id) {
        queries.remove(id);
        return "redirect:/listening";
    }
}
