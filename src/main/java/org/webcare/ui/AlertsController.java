package org.webcare.ui;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.webcare.alerting.AlertRules;
import org.webcare.identity.WebcareUser;

/** Adds and removes a saved query's alert rules from the Listening page (the list is in {@link AlertRulesModel}). */
@Controller
class AlertsController {

    private final AlertRules rules;

    AlertsController(AlertRules rules) {
        this.rules = rules;
    }

    @PostMapping("/listening/alerts")
    String add(@RequestParam long queryId, @RequestParam String cadence, @RequestParam(defaultValue = "") String emails,
               @RequestParam(defaultValue = "") String webhookUrl, @AuthenticationPrincipal WebcareUser me,
               RedirectAttributes redirect) {
        try {
            rules.save(queryId, null, cadence, AlertRules.splitEmails(emails), webhookUrl, me.id());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("alertError", e.getMessage());
            redirect.addFlashAttribute("alertErrorQuery", queryId);
            redirect.addFlashAttribute("alertEmails", emails);
            redirect.addFlashAttribute("alertWebhook", webhookUrl);
        }
        return "redirect:/listening#alerts-" + queryId;
    }

    @PostMapping("/listening/alerts/remove")
    String remove(@RequestParam long id, @RequestParam long queryId) {
        rules.remove(id);
        return "redirect:/listening#alerts-" + queryId;
    }
}
