package org.webcare.ui;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.webcare.sla.ClockView;
import org.webcare.sla.SlaClocks;

/** The case list's SLA badge ({@code @slaBadges.nearest(id)} in {@code cases/list.html}): the case's soonest running clock. */
@Component("slaBadges")
class SlaBadges {

    private final SlaClocks clocks;
    private final Clock clock;

    SlaBadges(SlaClocks clocks, Optional<Clock> clock) {
        this.clocks = clocks;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The running clock due soonest (paused ones last), or {@code null} when none runs. */
    public ClockView nearest(long caseId) {
        Instant now = clock.instant();
        return clocks.of(caseId).stream().filter(c -> c.running())
                .min(Comparator.comparing((org.webcare.sla.SlaClock c) -> c.pausedSince() != null).thenComparing(c -> c.dueAt()))
                .map(c -> ClockView.of(c, now)).orElse(null);
    }
}
