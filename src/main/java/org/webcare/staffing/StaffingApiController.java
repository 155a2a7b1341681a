package org.webcare.staffing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the staffing advice, for team leads: it tells about the team's workload, not about a case. */
@RestController
@Tag(name = "Staffing")
class StaffingApiController {

    private final StaffingAdvice advice;

    StaffingApiController(StaffingAdvice advice) {
        this.advice = advice;
    }

    @GetMapping("/api/v1/staffing")
    @PreAuthorize("hasRole('LEAD')")
    @Operation(summary = "Advised agents per hour of the week for a brand (team leads)",
            description = "weeks: complete weeks to average (default 4); serviceLevel: 0.8 or 80; answerWithin: minutes "
                    + "or an ISO duration (default PT15M). 168 cells, Monday 00–01 first, in webcare.time-zone.")
    StaffingResponse staffing(@RequestParam(required = false) Long brand, @RequestParam(required = false) String weeks,
                              @RequestParam(required = false) String serviceLevel,
                              @RequestParam(required = false) String answerWithin) {
        if (brand == null) {
            throw new IllegalArgumentException("brand: required");
        }
        StaffingPlan plan = advice.advise(brand, StaffingQuery.of(weeks, serviceLevel, answerWithin, advice.settings()));
        return new StaffingResponse(plan.brandId(), plan.from(), plan.until(), plan.zone(), plan.weeks(),
                plan.serviceLevel(), plan.answerWithin().toSeconds(), plan.shrinkage(), plan.maxOccupancy(),
                plan.handlingTime().perReply().toSeconds(), plan.handlingTime().measuredReplies(),
                plan.handlingTime().measured(),
                plan.cells().stream().map(c -> new Cell(c.day(), c.hour(), c.arrivals(), c.arrivalsBusyWeek(), c.load(),
                        c.agentsAnswering(), c.agentsScheduled(), c.agentsScheduledBusyWeek(), c.agentsAvailable(), c.open(),
                        c.closedWhileWriting())).toList());
    }

    /**
     * @param from first day counted (a Monday); {@code until}: the Monday after the last complete week (excluded)
     * @param handlingTimeMeasured false: too few replies were measured, the configured default was used
     */
    record StaffingResponse(long brand, LocalDate from, LocalDate until, String timeZone, int weeks, double serviceLevel,
                            long answerWithinSeconds, double shrinkage, double maxOccupancy, long handlingTimeSeconds,
                            long measuredReplies, boolean handlingTimeMeasured, List<Cell> cells) {
    }

    record Cell(DayOfWeek day, int hour, double arrivals, long arrivalsBusyWeek, double load, int agentsAnswering,
                int agentsScheduled, int agentsScheduledBusyWeek, double agentsAvailable, boolean open, boolean closedWhileWriting) {
    }
}
