package org.webcare.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class StaffingPlannerTests {

    private static final double[] NOBODY = new double[StaffingPlanner.HOURS_OF_WEEK];
    private static final StaffingQuery EIGHTY_IN_FIFTEEN = new StaffingQuery(1, 0.8, Duration.ofMinutes(15));

    @Test
    void twentyArrivalsAnHourAtSixMinutesNeedThreeAnsweringAndFiveScheduled() {
        long[][] week = new long[1][StaffingPlanner.HOURS_OF_WEEK];
        for (int day = 0; day < 5; day++) {
            week[0][day * 24 + 16] = 20;
        }

        List<HourCell> cells = StaffingPlanner.cells(1, week, NOBODY, Duration.ofMinutes(6), EIGHTY_IN_FIFTEEN, 0.3, 0.85,
                ConfiguredOpeningHours.parse("always"));

        HourCell tuesday = cells.get(DayOfWeek.TUESDAY.ordinal() * 24 + 16);
        assertThat(tuesday.day()).isEqualTo(DayOfWeek.TUESDAY);
        assertThat(tuesday.hour()).isEqualTo(16);
        // A = 20/h × 0.1 h = 2 Erlang. N must exceed A, so try N = 3: B(3) = 4/19, C = 4/9, and with T = 15 min =
        // 2.5 handling times P(wait > T) = 4/9 · e^(−(3 − 2) · 2.5) = 0.036: 96 % within 15 minutes ≥ 80 %, so 3.
        // Occupancy 2/3 is under 85 %. With 30 % shrinkage: 3 / 0.7 = 4.3, so 5 on the schedule.
        assertThat(tuesday.load()).isEqualTo(2.0);
        assertThat(tuesday.agentsAnswering()).isEqualTo(3);
        assertThat(tuesday.agentsScheduled()).isEqualTo(5);
        assertThat(cells.get(DayOfWeek.SATURDAY.ordinal() * 24 + 16).agentsScheduled()).as("nobody writes").isZero();
        assertThat(cells.get(DayOfWeek.TUESDAY.ordinal() * 24 + 15).agentsScheduled()).isZero();
    }

    @Test
    void theBusyWeekIsTheNinetiethPercentileNotTheAverage() {
        long[][] weeks = new long[4][StaffingPlanner.HOURS_OF_WEEK];
        long[] mondayNine = {2, 4, 40, 6};
        for (int w = 0; w < 4; w++) {
            weeks[w][9] = mondayNine[w];
        }

        HourCell cell = StaffingPlanner.cells(1, weeks, NOBODY, Duration.ofMinutes(6), EIGHTY_IN_FIFTEEN, 0.3, 0.85,
                ConfiguredOpeningHours.parse("always")).get(9);

        assertThat(cell.arrivals()).isEqualTo(13.0);
        assertThat(cell.arrivalsBusyWeek()).as("nearest rank of 4 weeks at 90 %: the busiest").isEqualTo(40);
        assertThat(cell.agentsScheduledBusyWeek()).isGreaterThan(cell.agentsScheduled());
        assertThat(StaffingPlanner.percentile90(new long[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10})).isEqualTo(9);
    }

    @Test
    void hoursWhereCustomersWriteWhileTheTeamIsClosedAreMarked() {
        long[][] weeks = new long[2][StaffingPlanner.HOURS_OF_WEEK];
        int fridayNine = DayOfWeek.FRIDAY.ordinal() * 24 + 21;
        int fridayTen = fridayNine + 1;
        int fridayEight = fridayNine - 1;
        weeks[0][fridayEight] = 5;
        weeks[1][fridayNine] = 3;
        OpeningHours hours = ConfiguredOpeningHours.parse("MON-FRI 08-21, SAT 10-17");

        List<HourCell> cells = StaffingPlanner.cells(1, weeks, NOBODY, Duration.ofMinutes(6), EIGHTY_IN_FIFTEEN, 0.3, 0.85, hours);

        assertThat(cells.get(fridayEight).open()).isTrue();
        assertThat(cells.get(fridayEight).closedWhileWriting()).isFalse();
        assertThat(cells.get(fridayNine).open()).isFalse();
        assertThat(cells.get(fridayNine).closedWhileWriting()).as("21:00–22:00, somebody wrote in one of the weeks").isTrue();
        assertThat(cells.get(fridayTen).closedWhileWriting()).as("closed, but nobody wrote").isFalse();
    }

    @Test
    void openingHoursFromSettings() {
        OpeningHours hours = ConfiguredOpeningHours.parse("mon-fri 08-22, SAT 10-18, SUN 00-24");

        assertThat(hours.isOpen(1, DayOfWeek.MONDAY, 7)).isFalse();
        assertThat(hours.isOpen(1, DayOfWeek.MONDAY, 8)).isTrue();
        assertThat(hours.isOpen(1, DayOfWeek.WEDNESDAY, 21)).isTrue();
        assertThat(hours.isOpen(1, DayOfWeek.FRIDAY, 22)).isFalse();
        assertThat(hours.isOpen(1, DayOfWeek.SATURDAY, 17)).isTrue();
        assertThat(hours.isOpen(1, DayOfWeek.SATURDAY, 18)).isFalse();
        assertThat(hours.isOpen(1, DayOfWeek.SUNDAY, 23)).isTrue();
        assertThat(ConfiguredOpeningHours.parse("always").isOpen(1, DayOfWeek.SUNDAY, 3)).isTrue();
        assertThatThrownBy(() -> ConfiguredOpeningHours.parse("weekdays 9 to 5"))
                .hasMessageStartingWith("webcare.staffing.opening-hours:");
        assertThatThrownBy(() -> ConfiguredOpeningHours.parse("MON 18-08"))
                .hasMessageStartingWith("webcare.staffing.opening-hours:");
    }

    @Test
    void queryParametersFallBackToSettingsAndNameTheFieldWhenWrong() {
        StaffingSettings defaults = new StaffingSettings(null, null, null, null, null, null, null, null, null);

        assertThat(StaffingQuery.of(null, null, null, defaults)).isEqualTo(new StaffingQuery(4, 0.8, Duration.ofMinutes(15)));
        assertThat(StaffingQuery.of("8", "90", "PT4H", defaults)).isEqualTo(new StaffingQuery(8, 0.9, Duration.ofHours(4)));
        assertThat(StaffingQuery.of("2", "0.95", "30", defaults)).isEqualTo(new StaffingQuery(2, 0.95, Duration.ofMinutes(30)));
        assertThatThrownBy(() -> StaffingQuery.of("many", null, null, defaults)).hasMessageStartingWith("weeks:");
        assertThatThrownBy(() -> StaffingQuery.of("53", null, null, defaults)).hasMessageStartingWith("weeks:");
        assertThatThrownBy(() -> StaffingQuery.of(null, "100", null, defaults)).hasMessageStartingWith("serviceLevel:");
        assertThatThrownBy(() -> StaffingQuery.of(null, null, "soon", defaults)).hasMessageStartingWith("answerWithin:");
    }
}
