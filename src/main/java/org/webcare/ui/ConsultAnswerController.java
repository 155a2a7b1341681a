package org.webcare.ui;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.webcare.consults.ConsultLink;
import org.webcare.consults.Consults;

/**
 * The page an expert answers a consult on, from the link in their e-mail: no account, no sign-in, Dutch or English by
 * the browser's language. A link that cannot be answered gets a page saying so in general terms (404 unknown, 410
 * answered, cancelled or expired), never anything of another consult.
 */
@Controller
class ConsultAnswerController {

    private final Consults consults;

    ConsultAnswerController(Consults consults) {
        this.consults = consults;
    }

    @GetMapping("/consult/{token}")
    String page(@PathVariable String token, Model model, HttpServletResponse response) {
        return show(token, consults.linked(token), model, response);
    }

    @PostMapping("/consult/{token}")
    String answer(@PathVariable String token, @RequestParam(defaultValue = "") String answer, Model model,
                  HttpServletResponse response) {
        try {
            return show(token, consults.answerByLink(token, answer), model, response);
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("answerError", true);
            model.addAttribute("draft", answer);
            return show(token, consults.linked(token), model, response);
        }
    }

    private static String show(String token, ConsultLink link, Model model, HttpServletResponse response) {
        String state = switch (link) {
            case ConsultLink.Open open -> {
                model.addAttribute("consult", open.consult());
                model.addAttribute("brand", open.brandName());
                model.addAttribute("token", token);
                yield "open";
            }
            case ConsultLink.Accepted accepted -> {
                model.addAttribute("consult", accepted.consult());
                yield "accepted";
            }
            case ConsultLink.Gone gone -> {
                response.setStatus(HttpServletResponse.SC_GONE);
                yield gone.reason().name().toLowerCase(java.util.Locale.ROOT);
            }
            case ConsultLink.Unknown unknown -> {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                yield "unknown";
            }
        };
        model.addAttribute("state", state);
        return "consults/answer";
    }
}
