package org.webcare.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One clock of a case as stored. Durations are in seconds so reports can sum them.
 *
 * @param workingTime whether the target counts the calendar's working time (else around the clock)
 * @param pausedSeconds working time the clock was paused (waiting on the customer); its due time moved by as much
 * @param pausedSince set while the clock is paused now
 * @param internalWaitSeconds time the case waited on internal experts while this clock ran
 * @param outcome {@code met} or {@code breached} once stopped, else {@code null}
 * @param marginWorkingSeconds once stopped: how much later (positive) or earlier (negative) than due, in the target's time
 * @param marginCalendarSeconds the same in calendar time
 */
public record SlaClock(long id, long caseId, ClockKind kind, int turn, Long policyId, long targetSeconds,
                       boolean workingTime, Instant startedAt, Instant dueAt, Instant warnAt, long pausedSeconds,
                       Instant pausedSince, long internalWaitSeconds, Instant internalSince, Instant stoppedAt,
                       String outcome, Long marginWorkingSeconds, Long marginCalendarSeconds, Instant warningSentAt,
                       Instant breachSentAt) {

    public boolean running() {
        return stoppedAt == null;
    }

    /** {@code met}, {@code breached}, {@code paused}, {@code warning} (the last 20 % of the target) or {@code running}. */
    public String state(Instant now) {
        if (stoppedAt != null) {
            return outcome;
        }
        if (breachSentAt != null || !now.isBefore(dueAt)) {
            return "breached";
        }
        if (pausedSince != null) {
            return "paused";
        }
        return warningSentAt != null || !now.isBefore(warnAt) ? "warning" : "running";
    }

    /** Calendar time until due (negative when overdue); while paused, as it stood when the pause began. */
    public Duration timeLeft(Instant now) {
        Instant reference = stoppedAt != null ? stoppedAt : pausedSince != null ? pausedSince : now;
        return Duration.between(reference, dueAt);
    }
}
