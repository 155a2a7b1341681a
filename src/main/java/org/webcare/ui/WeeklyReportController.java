package org.webcare.ui;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.webcare.channel.Channels;
import org.webcare.reporting.WeeklyReportSettings;
import org.webcare.reporting.WeeklyReports;

/** The weekly e-mail report's settings form on the reports page, and its "send now" button. */
@Controller
@PreAuthorize("hasRole('LEAD')")
class WeeklyReportController {

    private final WeeklyReportSettings settings;
    private final WeeklyReports reports;
    private final Channels channels;

    WeeklyReportController(WeeklyReportSettings settings, WeeklyReports reports, Channels channels) {
        this.settings = settings;
        this.reports = reports;
        this.channels = channels;
    }

    @PostMapping("/reports/weekly")
    String save(@RequestParam long brand, @RequestParam(defaultValue = "false") boolean enabled,
                @RequestParam(defaultValue = "") String recipients, @RequestParam(defaultValue = "en") String language,
                RedirectAttributes redirect) {
        requireBrand(brand);
        try {
            settings.save(brand, enabled, recipients, language);
            redirect.addFlashAttribute("weeklySaved", true);
        } catch (IllegalArgumentException e) {
            // Back to the form with what was typed, so nothing has to be typed again.
            redirect.addFlashAttribute("weeklyError", e.getMessage());
            redirect.addFlashAttribute("weeklyTyped", new Typed(enabled, recipients, language));
        }
        return "redirect:/reports?brand=" + brand + "#weekly";
    }

    @PostMapping("/reports/weekly/send")
    String sendNow(@RequestParam long brand, RedirectAttributes redirect) {
        requireBrand(brand);
        try {
            List<String> to = reports.sendNow(brand);
            redirect.addFlashAttribute("weeklySentTo", String.join(", ", to));
        } catch (IllegalStateException | org.springframework.mail.MailException e) {
            redirect.addFlashAttribute("weeklyError", e.getMessage());
        }
        return "redirect:/reports?brand=" + brand + "#weekly";
    }

    private void requireBrand(long brand) {
        if (channels.brand(brand).isEmpty()) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "brand: no brand with id " + brand);
        }
    }

    /** What the lead typed into a form that was refused. */
    record Typed(boolean enabled, String recipients, String language) {
    }
}
