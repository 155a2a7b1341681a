package org.webcare.sla;

import java.time.Instant;

/**
 * A clock as the REST API and the case panel show it at one moment.
 *
 * @param state {@code running}, {@code warning} (last 20 % of the target), {@code paused}, {@code breached} or {@code met}
 * @param timeLeftSeconds calendar seconds until due; negative when overdue
 */
public record ClockView(long caseId, String kind, int turn, String state, Instant startedAt, Instant dueAt,
                        Instant stoppedAt, String outcome, long targetSeconds, boolean workingTime, long timeLeftSeconds,
                        long pausedSeconds, Instant pausedSince, long internalWaitSeconds, Long marginWorkingSeconds,
                        Long marginCalendarSeconds) {

    public static ClockView of(SlaClock clock, Instant now) {
        return new ClockView(clock.caseId(), clock.kind().json(), clock.turn(), clock.state(now), clock.startedAt(),
                clock.dueAt(), clock.stoppedAt(), clock.outcome(), clock.targetSeconds(), clock.workingTime(),
                clock.timeLeft(now).toSeconds(), clock.pausedSeconds(), clock.pausedSince(), clock.internalWaitSeconds(),
                clock.marginWorkingSeconds(), clock.marginCalendarSeconds());
    }

    /** "1h 05m", "3d 2h", "12m": how the panel and badge write time left or overdue. */
    public String timeLeftText() {
        long seconds = Math.abs(timeLeftSeconds);
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + String.format("%02dm", minutes);
        }
        return Math.max(minutes, seconds > 0 ? 1 : 0) + "m";
    }

    public boolean overdue() {
        return timeLeftSeconds < 0;
    }
}
