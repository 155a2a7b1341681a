package org.webcare.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.webcare.calendar.WorkingTime;
import org.webcare.cases.CaseStatus;

/**
 * Derives a case's clocks from its {@link Timeline}, so they are the same however often and in whatever order the
 * case's changes are seen. The rules:
 * <ul>
 *   <li>a response clock starts at a customer's message when none is running: the first one is the first response,
 *       every later one (the customer's next turn after a reply) a next response; the team's next reply stops it;</li>
 *   <li>resolution starts at opening and stops at resolution; a reopening starts a new resolution clock with the full
 *       target, and the newest stretch is the case's resolution outcome;</li>
 *   <li>resolving a case also stops its running response clocks (nothing is left to answer);</li>
 *   <li>while the case waits on the customer the clocks pause (when the policy says so) and their due time moves by
 *       the paused working time; waiting on an internal expert is recorded per clock, and pauses only when the policy
 *       says so.</li>
 * </ul>
 */
final class ClockPlan {

    private ClockPlan() {
    }

    /** A clock as the timeline defines it; {@code pausedSince}/{@code internalSince} are set while that wait lasts. */
    record Planned(ClockKind kind, int turn, Target target, Instant startedAt, Instant dueAt, Instant warnAt, Duration paused,
                   Instant pausedSince, Duration internalWait, Instant internalSince, Instant stoppedAt) {

        boolean met() {
            return stoppedAt != null && !stoppedAt.isAfter(dueAt);
        }
    }

    /** The margin of a stopped clock: how much earlier (negative) or later than due it stopped, in its own time. */
    static Duration margin(Planned clock, WorkingTime calendar) {
        WorkingTime time = clock.target().workingTime() ? calendar : WorkingTime.ALWAYS;
        return clock.met() ? time.between(clock.stoppedAt(), clock.dueAt()).negated() : time.between(clock.dueAt(), clock.stoppedAt());
    }

    static List<Planned> plan(Timeline timeline, SlaPolicy policy, WorkingTime calendar) {
        List<Segment> segments = segments(timeline);
        List<Planned> clocks = new ArrayList<>();
        List<Instant> resolutions = timeline.changes().stream().filter(c -> c.to() == CaseStatus.RESOLVED)
                .map(Timeline.StatusChange::at).toList();
        responses(timeline, resolutions, policy, calendar, segments, clocks);
        if (policy.resolution() != null) {
            Instant start = timeline.openedAt();
            int turn = 0;
            for (Timeline.StatusChange change : timeline.changes()) {
                if (start == null && change.from() == CaseStatus.RESOLVED && change.to().isActive()) {
                    start = change.at();
                } else if (start != null && change.to() == CaseStatus.RESOLVED) {
                    clocks.add(clock(ClockKind.RESOLUTION, turn++, policy.resolution(), start, change.at(), policy, calendar, segments));
                    start = null;
                }
            }
            if (start != null) {
                clocks.add(clock(ClockKind.RESOLUTION, turn, policy.resolution(), start, null, policy, calendar, segments));
            }
        }
        return clocks;
    }

    private static void responses(Timeline timeline, List<Instant> resolutions, SlaPolicy policy, WorkingTime calendar,
                                  List<Segment> segments, List<Planned> clocks) {
        Instant running = null;
        int turn = 0;
        for (Instant post : timeline.customerPosts()) {
            if (running != null) {
                Instant stop = stop(running, timeline.replies(), resolutions);
                if (stop == null || post.isBefore(stop)) {
                    continue; // the customer wrote again before the team answered: the same clock runs on
                }
            }
            running = post;
            Target target = turn == 0 ? policy.firstResponse() : policy.nextResponse();
            if (target != null) {
                clocks.add(clock(turn == 0 ? ClockKind.FIRST_RESPONSE : ClockKind.NEXT_RESPONSE, turn, target, post,
                        stop(post, timeline.replies(), resolutions), policy, calendar, segments));
            }
            turn++;
        }
    }

    /** The first reply or resolution at or after {@code start}, or {@code null} while there is none. */
    private static Instant stop(Instant start, List<Instant> replies, List<Instant> resolutions) {
        Instant first = null;
        for (Instant at : replies) {
            if (!at.isBefore(start)) {
                first = at;
                break;
            }
        }
        for (Instant at : resolutions) {
            if (!at.isBefore(start) && (first == null || at.isBefore(first))) {
                first = at;
                break;
            }
        }
        return first;
    }

    private static Planned clock(ClockKind kind, int turn, Target target, Instant start, Instant stop, SlaPolicy policy,
                                 WorkingTime calendar, List<Segment> segments) {
        WorkingTime time = target.workingTime() ? calendar : WorkingTime.ALWAYS;
        Duration paused = Duration.ZERO;
        Instant pausedSince = null;
        Duration internal = Duration.ZERO;
        Instant internalSince = null;
        for (Segment segment : segments) {
            boolean waitsOnCustomer = segment.status() == CaseStatus.PENDING_CUSTOMER;
            boolean waitsInternally = segment.status() == CaseStatus.PENDING_INTERNAL;
            if (!waitsOnCustomer && !waitsInternally) {
                continue;
            }
            Instant from = later(segment.from(), start);
            Instant to = earlier(segment.to(), stop);
            if (to != null && !to.isAfter(from)) {
                continue;
            }
            boolean pauses = waitsOnCustomer ? policy.pauseOnCustomer() : policy.pauseOnInternal();
            if (to == null) {
                if (pauses) {
                    pausedSince = from;
                }
                if (waitsInternally) {
                    internalSince = from;
                }
                continue;
            }
            Duration worked = time.between(from, to);
            if (pauses) {
                paused = paused.plus(worked);
            }
            if (waitsInternally) {
                internal = internal.plus(worked);
            }
        }
        Instant due = time.add(start, target.within().plus(paused));
        Instant warn = time.add(start, target.within().multipliedBy(4).dividedBy(5).plus(paused));
        return new Planned(kind, turn, target, start, due, warn, paused, pausedSince, internal, internalSince, stop);
    }

    /** The case's statuses over time; the last segment is open-ended ({@code to == null}). */
    private static List<Segment> segments(Timeline timeline) {
        List<Segment> segments = new ArrayList<>();
        Instant from = timeline.openedAt();
        CaseStatus status = CaseStatus.NEW;
        for (Timeline.StatusChange change : timeline.changes()) {
            segments.add(new Segment(status, from, change.at()));
            status = change.to();
            from = change.at();
        }
        segments.add(new Segment(status, from, null));
        return segments;
    }

    private record Segment(CaseStatus status, Instant from, Instant to) {
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }
}
