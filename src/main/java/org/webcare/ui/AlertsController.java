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

    /** A brand's rule receives only the brand's crisis alerts, which go out at once: its cadence does not matter. */
    @PostMapping("/listening/alerts/brand")
    String addForBrand(@RequestParam long brandId, @RequestParam(defaultValue = "") String emails,
                       @RequestParam(defaultValue = "") String webhookUrl, @AuthenticationPrincipal WebcareUser me,
                       RedirectAttributes redirect) {
        return save(null, brandId, "INSTANT", emails, webhookUrl, me, redirect);
    }

    @PostMapping("/listening/alerts/brand/remove")
    String removeForBrand(@RequestParam long id, @RequestParam long brandId) {
        rules.remove(id);
        return "redirect:/listening#crisis-alerts-" + brandId;
    }

    @PostMapping("/listening/alerts")
    String add(@RequestParam long queryId, @RequestParam String cadence, @RequestParam(defaultValue = "") String emails,
               @RequestParam(defaultValue = "") String webhookUrl, @AuthenticationPrincipal WebcareUser me,
               RedirectAttributes redirect) {
        return save(queryId, null, cadence, emails, webhookUrl, me, redirect);
    }

    /** Saves the rule, or brings the form back with the reason beside the query or brand it was for. */
    private String save(Long queryId, Long brandId, String cadence, String emails, String webhookUrl, WebcareUser me,
                        RedirectAttributes redirect) {
        try {
            rules.save(queryId, brandId, cadence, AlertRules.splitEmails(emails), webhookUrl, me.id());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("alertError", e.getMessage());
            redirect.addFlashAttribute(queryId != null ? "alertErrorQuery" : "alertErrorBrand", queryId != null ? queryId : brandId);
            redirect.addFlashAttribute("alertEmails", emails);
            redirect.addFlashAttribute("alertWebhook", webhookUrl);
        }
        return queryId != null ? "redirect:/listening#alerts-" + queryId : "redirect:/listening#crisis-alerts-" + brandId;
    }

    @PostMapping("/listening/alerts/remove")
    String remove(@RequestParam long id, @RequestParam long queryId) {
        rules.remove(id);
        return "redirect:/listening#alerts-" + queryId;
    }
}
