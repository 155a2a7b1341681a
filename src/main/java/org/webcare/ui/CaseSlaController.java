package org.webcare.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.webcare.cases.CaseStatus;
import org.webcare.cases.CaseView;
import org.webcare.cases.Cases;
import org.webcare.identity.WebcareUser;
import org.webcare.shared.NotFoundException;
import org.webcare.sla.ClockView;
import org.webcare.sla.SlaClocks;
import org.webcare.sla.SlaSettings;

/**
 * The SLA panel of the case page ({@code cases/sla :: panel}): the policy that applies and every clock of the case,
 * green while running, orange in the last 20 % of its target, red once breached, with the time left or overdue.
 */
@Controller
class CaseSlaController {

    private final Cases cases;
    private final SlaClocks clocks;
    private final SlaSettings settings;
    private final Clock clock;

    CaseSlaController(Cases cases, SlaClocks clocks, SlaSettings settings, Optional<Clock> clock) {
        this.cases = cases;
        this.clocks = clocks;
        this.settings = settings;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The panel for htmx; opened directly, a page of its own around it. */
    @GetMapping("/cases/{id}/sla")
    String panel(@PathVariable long id, @AuthenticationPrincipal WebcareUser me, Model model,
                 @RequestHeader(name = "HX-Request", required = false) String htmx) {
        CaseView view = cases.view(id).orElseThrow(() -> new NotFoundException("no case with id " + id));
        Instant now = clock.instant();
        List<ClockView> shown = clocks.of(id).stream().map(c -> ClockView.of(c, now))
                // Running clocks first, then what has been decided.
                .sorted(java.util.Comparator.comparing((ClockView c) -> c.stoppedAt() != null).thenComparing(ClockView::dueAt))
                .toList();
        model.addAttribute("view", view);
        model.addAttribute("me", me);
        model.addAttribute("slaPanel", new Panel(clocks.policyOf(view.details(), view.posts()).name(), shown, settings.zone(),
                view.details().status() == CaseStatus.PENDING_INTERNAL));
        return htmx == null ? "sla/case" : "cases/sla :: panel";
    }

    record Panel(String policyName, List<ClockView> clocks, ZoneId zone, boolean waitingInternally) {

        /** A clock's due time in the team's zone, e.g. "Mon 9 Mar 12:00". */
        public String due(ClockView clock) {
            return java.time.format.DateTimeFormatter.ofPattern("EEE d MMM HH:mm", java.util.Locale.ENGLISH)
                    .format(clock.dueAt().atZone(zone));
        }
    }
}
