package org.webcare.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HourOfWeekBaselineTests {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    // Monday 2 June 2025, 00:00 in Amsterdam.
    private static final Instant MONDAY = Instant.parse("2025-06-01T22:00:00Z");

    @Test
    void expectsTheMedianOfTheSameHourInEarlierWeeksUnmovedByOneCrisisWeek() {
        Map<Instant, Long> counts = new HashMap<>();
        long[] mondayTenOClock = {12, 10, 11, 400, 9, 13, 10, 11};
        for (int week = 0; week < 8; week++) {
            counts.put(MONDAY.plus(7L * week, ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS), mondayTenOClock[week]);
        }

        HourOfWeekBaseline baseline = HourOfWeekBaseline.learn(new HourlyHistory(AMSTERDAM, MONDAY, MONDAY.plus(56, ChronoUnit.DAYS), counts));

        assertThat(baseline.ready()).isTrue();
        assertThat(baseline.perHour(10)).isEqualTo(11);
        assertThat(baseline.perHour(11)).isZero();
    }

    @Test
    void borrowsFromNeighbouringHoursAndDaysWhenHistoryIsShort() {
        Map<Instant, Long> counts = new HashMap<>();
        for (int day = 0; day < 3; day++) {
            for (int hour = 9; hour <= 11; hour++) {
                counts.put(MONDAY.plus(day, ChronoUnit.DAYS).plus(hour, ChronoUnit.HOURS), 20L);
            }
        }

        HourOfWeekBaseline baseline = HourOfWeekBaseline.learn(new HourlyHistory(AMSTERDAM, MONDAY, MONDAY.plus(3, ChronoUnit.DAYS), counts));

        assertThat(baseline.ready()).isTrue();
        // Thursday 10:00 was never seen: it learns from 09:00–11:00 on the days that were.
        assertThat(baseline.perHour(3 * 24 + 10)).isEqualTo(20);
        assertThat(baseline.perHour(3 * 24 + 3)).isZero();
    }

    @Test
    void isNotReadyWithLessThanADayOfHistory() {
        HourlyHistory halfADay = new HourlyHistory(AMSTERDAM, MONDAY, MONDAY.plus(12, ChronoUnit.HOURS), Map.of(MONDAY, 5L));

        assertThat(HourOfWeekBaseline.learn(halfADay).ready()).isFalse();
    }

    @Test
    void scalesTheHourlyExpectationToAWindowAcrossTwoHours() {
        Map<Instant, Long> counts = new HashMap<>();
        for (int week = 0; week < 4; week++) {
            counts.put(MONDAY.plus(7L * week, ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS), 40L);
            counts.put(MONDAY.plus(7L * week, ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS), 80L);
        }
        HourOfWeekBaseline baseline = HourOfWeekBaseline.learn(new HourlyHistory(AMSTERDAM, MONDAY, MONDAY.plus(28, ChronoUnit.DAYS), counts));
        Instant tenPast10 = MONDAY.plus(28, ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS).plus(5, ChronoUnit.MINUTES);

        Expectation expected = baseline.between(tenPast10.minus(15, ChronoUnit.MINUTES), tenPast10);

        // 10 minutes of 09:00 (40/h) and 5 of 10:00 (80/h).
        assertThat(expected.posts()).isCloseTo(40 / 6.0 + 80 / 12.0, within(1e-9));
    }
}
