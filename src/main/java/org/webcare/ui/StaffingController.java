package org.webcare.ui;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.webcare.channel.Brand;
import org.webcare.channel.Channels;
import org.webcare.staffing.HourCell;
import org.webcare.staffing.StaffingAdvice;
import org.webcare.staffing.StaffingPlan;
import org.webcare.staffing.StaffingQuery;

/**
 * The team lead's staffing page: per brand a week of hours as heat maps of arrivals and advised agents, with the
 * opening hours and the hours where customers write while the team is closed.
 */
@Controller
@PreAuthorize("hasRole('LEAD')")
class StaffingController {

    private final StaffingAdvice advice;
    private final Channels channels;

    StaffingController(StaffingAdvice advice, Channels channels) {
        this.advice = advice;
        this.channels = channels;
    }

    @GetMapping("/staffing")
    String staffing(@RequestParam(required = false) Long brand, @RequestParam(required = false) String weeks,
                    @RequestParam(required = false) String serviceLevel,
                    @RequestParam(required = false) String answerWithin, Locale locale, Model model) {
        List<Brand> brands = channels.brands();
        model.addAttribute("brands", brands);
        if (brands.isEmpty()) {
            return "staffing/staffing";
        }
        Brand chosen = brands.stream().filter(b -> brand != null && b.id() == brand).findFirst().orElse(brands.getFirst());
        StaffingQuery query;
        try {
            query = StaffingQuery.of(weeks, serviceLevel, answerWithin, advice.settings());
        } catch (IllegalArgumentException e) {
            // Show the advice with the defaults and say which field was wrong, rather than an error page.
            model.addAttribute("error", e.getMessage());
            query = StaffingQuery.of(null, null, null, advice.settings());
        }
        StaffingPlan plan = advice.advise(chosen.id(), query);
        model.addAttribute("brand", chosen);
        model.addAttribute("plan", plan);
        model.addAttribute("servicePercent", Math.round(plan.serviceLevel() * 100));
        model.addAttribute("answerMinutes", plan.answerWithin().toMinutes());
        model.addAttribute("shrinkagePercent", Math.round(plan.shrinkage() * 100));
        model.addAttribute("occupancyPercent", Math.round(plan.maxOccupancy() * 100));
        model.addAttribute("handlingMinutes", Math.round(plan.handlingTime().perReply().toSeconds() / 6.0) / 10.0);
        model.addAttribute("days", java.util.Arrays.stream(DayOfWeek.values())
                .map(day -> new DayRow(day.getDisplayName(TextStyle.SHORT, locale), day.getDisplayName(TextStyle.FULL, locale),
                        plan.cells().subList(day.ordinal() * 24, day.ordinal() * 24 + 24)))
                .toList());
        return "staffing/staffing";
    }

    /** One row of a heat map: a day's 24 hours. */
    record DayRow(String shortName, String name, List<HourCell> hours) {
    }
}
