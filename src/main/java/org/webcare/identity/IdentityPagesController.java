package org.webcare.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The login page and the one-time setup page that creates the first administrator. */
@Controller
class IdentityPagesController {

    private final FirstAdmin firstAdmin;
    private final Users users;

    IdentityPagesController(FirstAdmin firstAdmin, Users users) {
        this.firstAdmin = firstAdmin;
        this.users = users;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("needsSetup", users.count() == 0);
        return "identity/login";
    }

    @GetMapping("/setup")
    String setup(@RequestParam(required = false) String token, Model model) {
        if (users.count() > 0) {
            return "redirect:/login";
        }
        model.addAttribute("token", token);
        model.addAttribute("valid", firstAdmin.acceptsSetupToken(token));
        return "identity/setup";
    }

    @PostMapping("/setup")
    String createAdmin(@RequestParam String token, @RequestParam String email, @RequestParam String displayName,
                       @RequestParam String password, @RequestParam String passwordAgain, Model model,
                       RedirectAttributes redirect) {
        model.addAttribute("token", token);
        model.addAttribute("email", email);
        model.addAttribute("displayName", displayName);
        if (!firstAdmin.acceptsSetupToken(token)) {
            model.addAttribute("valid", false);
            return "identity/setup";
        }
        model.addAttribute("valid", true);
        if (!password.equals(passwordAgain)) {
            model.addAttribute("error", "setup.error.passwordsDiffer");
            return "identity/setup";
        }
        try {
            firstAdmin.createWithSetupToken(token, email, displayName, password);
        } catch (IllegalArgumentException e) {
            model.addAttribute("errorText", e.getMessage());
            return "identity/setup";
        }
        redirect.addAttribute("created", "");
        return "redirect:/login";
    }
}
