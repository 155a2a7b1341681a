package org.webcare.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.webcare.calendar.WorkingTime;
import org.webcare.cases.CaseStatus;

/** How a case's history becomes its clocks, with exact times. */
class ClockPlanTests {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static Instant amsterdam(String local) {
        return LocalDateTime.parse(local).atZone(OfficeHours.AMSTERDAM).toInstant();
    }

    private static SlaPolicy policy(Target first, Target next, Target resolution, boolean pauseOnInternal) {
        return new SlaPolicy(1, 1, "Test", 1, null, null, List.of(), List.of(), first, next, resolution, 7L, true,
                pauseOnInternal, null, null, null);
    }

    private static Target hours(int hours, boolean working) {
        return new Target(Duration.ofHours(hours), working);
    }

    private static Timeline.StatusChange change(int minutes, CaseStatus from, CaseStatus to) {
        return new Timeline.StatusChange(at(minutes), from, to);
    }

    private static ClockPlan.Planned only(List<ClockPlan.Planned> clocks, ClockKind kind, int turn) {
        return clocks.stream().filter(c -> c.kind() == kind && c.turn() == turn).findFirst().orElseThrow();
    }

    @Test
    void firstResponseIsMetByAReplyBeforeItsDueTimeAndBreachedByALateOne() {
        SlaPolicy policy = SlaPolicy.defaultFor(1);
        var met = only(ClockPlan.plan(new Timeline(at(0), List.of(at(0)), List.of(at(60)), List.of()), policy, WorkingTime.ALWAYS),
                ClockKind.FIRST_RESPONSE, 0);
        assertThat(met.dueAt()).isEqualTo(at(240));
        assertThat(met.stoppedAt()).isEqualTo(at(60));
        assertThat(met.met()).isTrue();
        assertThat(ClockPlan.margin(met, WorkingTime.ALWAYS)).isEqualTo(Duration.ofMinutes(-180));

        var late = only(ClockPlan.plan(new Timeline(at(0), List.of(at(0)), List.of(at(300)), List.of()), policy, WorkingTime.ALWAYS),
                ClockKind.FIRST_RESPONSE, 0);
        assertThat(late.met()).isFalse();
        assertThat(ClockPlan.margin(late, WorkingTime.ALWAYS)).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void waitingOnTheCustomerMovesTheDueTimeByExactlyThePausedTime() {
        var timeline = new Timeline(at(0), List.of(at(0)), List.of(), List.of(
                change(30, CaseStatus.NEW, CaseStatus.PENDING_CUSTOMER), change(107, CaseStatus.PENDING_CUSTOMER, CaseStatus.OPEN)));
        var clock = only(ClockPlan.plan(timeline, SlaPolicy.defaultFor(1), WorkingTime.ALWAYS), ClockKind.FIRST_RESPONSE, 0);
        assertThat(clock.paused()).isEqualTo(Duration.ofMinutes(77));
        assertThat(clock.dueAt()).isEqualTo(at(240 + 77));
        assertThat(clock.pausedSince()).isNull();

        var stillWaiting = new Timeline(at(0), List.of(at(0)), List.of(), List.of(change(30, CaseStatus.NEW, CaseStatus.PENDING_CUSTOMER)));
        var paused = only(ClockPlan.plan(stillWaiting, SlaPolicy.defaultFor(1), WorkingTime.ALWAYS), ClockKind.FIRST_RESPONSE, 0);
        assertThat(paused.pausedSince()).isEqualTo(at(30));
        assertThat(paused.dueAt()).isEqualTo(at(240));
    }

    @Test
    void waitingOnAnExpertIsRecordedButDoesNotPauseUnlessThePolicySaysSo() {
        var timeline = new Timeline(at(0), List.of(at(0)), List.of(at(200)), List.of(
                change(10, CaseStatus.NEW, CaseStatus.PENDING_INTERNAL), change(70, CaseStatus.PENDING_INTERNAL, CaseStatus.OPEN)));
        var recorded = only(ClockPlan.plan(timeline, policy(hours(4, false), null, null, false), WorkingTime.ALWAYS),
                ClockKind.FIRST_RESPONSE, 0);
        assertThat(recorded.internalWait()).isEqualTo(Duration.ofHours(1));
        assertThat(recorded.dueAt()).isEqualTo(at(240));
        var pausing = only(ClockPlan.plan(timeline, policy(hours(4, false), null, null, true), WorkingTime.ALWAYS),
                ClockKind.FIRST_RESPONSE, 0);
        assertThat(pausing.dueAt()).isEqualTo(at(300));
    }

    @Test
    void everyCustomerTurnAfterAReplyRunsItsOwnNextResponseClock() {
        var timeline = new Timeline(at(0), List.of(at(0), at(5), at(100), at(110), at(300)), List.of(at(60), at(200)), List.of());
        var clocks = ClockPlan.plan(timeline, policy(hours(4, false), hours(1, false), null, false), WorkingTime.ALWAYS);
        assertThat(clocks).extracting(c -> c.kind() + "#" + c.turn())
                .containsExactly("FIRST_RESPONSE#0", "NEXT_RESPONSE#1", "NEXT_RESPONSE#2");
        var second = only(clocks, ClockKind.NEXT_RESPONSE, 1);
        assertThat(second.startedAt()).isEqualTo(at(100));
        assertThat(second.dueAt()).isEqualTo(at(160));
        assertThat(second.stoppedAt()).isEqualTo(at(200));
        assertThat(second.met()).isFalse();
        assertThat(only(clocks, ClockKind.NEXT_RESPONSE, 2).stoppedAt()).isNull();
    }

    @Test
    void reopeningStartsANewResolutionClockAndTheFirstStretchKeepsItsOutcome() {
        var timeline = new Timeline(at(0), List.of(at(0), at(600)), List.of(at(30)), List.of(
                change(30, CaseStatus.NEW, CaseStatus.OPEN), change(120, CaseStatus.OPEN, CaseStatus.RESOLVED),
                change(600, CaseStatus.RESOLVED, CaseStatus.OPEN)));
        var clocks = ClockPlan.plan(timeline, SlaPolicy.defaultFor(1), WorkingTime.ALWAYS);
        var first = only(clocks, ClockKind.RESOLUTION, 0);
        assertThat(first.stoppedAt()).isEqualTo(at(120));
        assertThat(first.met()).isTrue();
        var reopened = only(clocks, ClockKind.RESOLUTION, 1);
        assertThat(reopened.startedAt()).isEqualTo(at(600));
        assertThat(reopened.dueAt()).isEqualTo(at(600).plus(Duration.ofHours(24)));
        assertThat(reopened.stoppedAt()).isNull();
    }

    @Test
    void aFourWorkingHourTargetForAPostOnFridayAtFourIsDueOnMondayAtNoon() {
        Instant friday = amsterdam("2026-03-06T16:00");
        var clock = only(ClockPlan.plan(new Timeline(friday, List.of(friday), List.of(), List.of()),
                policy(hours(4, true), null, null, false), new OfficeHours()), ClockKind.FIRST_RESPONSE, 0);
        assertThat(clock.dueAt()).isEqualTo(amsterdam("2026-03-09T12:00"));
        assertThat(clock.warnAt()).isEqualTo(amsterdam("2026-03-09T11:12"));
    }

    @Test
    void aPauseOnWorkingTimeMovesTheDueTimeByThePausedWorkingHoursOnly() {
        Instant friday = amsterdam("2026-03-06T10:00");
        var timeline = new Timeline(friday, List.of(friday), List.of(), List.of(
                new Timeline.StatusChange(amsterdam("2026-03-06T11:00"), CaseStatus.NEW, CaseStatus.PENDING_CUSTOMER),
                new Timeline.StatusChange(amsterdam("2026-03-09T10:00"), CaseStatus.PENDING_CUSTOMER, CaseStatus.OPEN)));
        var clock = only(ClockPlan.plan(timeline, policy(hours(4, true), null, null, false), new OfficeHours()),
                ClockKind.FIRST_RESPONSE, 0);
        // Paused Friday 11:00–17:00 and Monday 09:00–10:00: seven working hours, not the weekend.
        assertThat(clock.paused()).isEqualTo(Duration.ofHours(7));
        assertThat(clock.dueAt()).isEqualTo(amsterdam("2026-03-09T13:00"));
    }

    @Test
    void resolvingStopsARunningResponseClock() {
        var timeline = new Timeline(at(0), List.of(at(0)), List.of(), List.of(change(50, CaseStatus.NEW, CaseStatus.RESOLVED)));
        var clock = only(ClockPlan.plan(timeline, SlaPolicy.defaultFor(1), WorkingTime.ALWAYS), ClockKind.FIRST_RESPONSE, 0);
        assertThat(clock.stoppedAt()).isEqualTo(at(50));
    }
}
