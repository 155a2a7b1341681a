package org.webcare.crisis;

import java.time.Duration;
import java.time.Instant;

/**
 * When an open crisis is raised again and when it is over. Alerts must never flood: a crisis re-fires only when its
 * excess over normal has grown by the growth factor since it last fired (1.5 by default: 40 posts in the window
 * re-fire at 60, then 90), and not sooner than a hold-off after its last alert (the detector's window: while a surge
 * fills the sliding window its count climbs every minute, and that climb is one crisis, not five). It ends once it has
 * been back to normal for the quiet period.
 */
final class Escalation {

    private Escalation() {
    }

    static boolean refires(long lastFiredLevel, Instant lastFiredAt, long level, long normalLevel, Instant now,
                           double growthFactor, Duration holdOff) {
        return grew(lastFiredLevel, level, normalLevel, growthFactor) && !lastFiredAt.plus(holdOff).isAfter(now);
    }

    static boolean grew(long lastFiredLevel, long level, long normalLevel, double growthFactor) {
        return level > lastFiredLevel && level - normalLevel >= growthFactor * (lastFiredLevel - normalLevel);
    }

    static boolean over(Instant lastAbnormalAt, Instant now, Duration quietPeriod) {
        return !lastAbnormalAt.plus(quietPeriod).isAfter(now);
    }
}
