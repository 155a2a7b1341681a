package org.webcare.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class DigestWindowTests {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void anHourlyWindowIsTheClockHourInTheTimeZone() {
        DigestWindow window = DigestWindow.containing(Cadence.HOURLY, Instant.parse("2026-11-23T13:42:10Z"), AMSTERDAM);

        assertThat(window.start()).isEqualTo(Instant.parse("2026-11-23T13:00:00Z"));
        assertThat(window.end()).isEqualTo(Instant.parse("2026-11-23T14:00:00Z"));
    }

    @Test
    void aDailyWindowRunsFromLocalMidnightToLocalMidnight() {
        DigestWindow window = DigestWindow.containing(Cadence.DAILY, Instant.parse("2026-11-23T23:30:00Z"), AMSTERDAM);

        assertThat(window.start()).isEqualTo(Instant.parse("2026-11-23T23:00:00Z"));
        assertThat(window.end()).isEqualTo(Instant.parse("2026-11-24T23:00:00Z"));
    }

    @Test
    void theDayTheClocksGoForwardHasTwentyThreeHours() {
        DigestWindow window = DigestWindow.containing(Cadence.DAILY, Instant.parse("2026-03-29T12:00:00Z"), AMSTERDAM);

        assertThat(Duration.between(window.start(), window.end())).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void theRepeatedHourWhenTheClocksGoBackIsTwoWindows() {
        DigestWindow first = DigestWindow.containing(Cadence.HOURLY, Instant.parse("2026-10-25T00:30:00Z"), AMSTERDAM);
        DigestWindow second = DigestWindow.containing(Cadence.HOURLY, Instant.parse("2026-10-25T01:30:00Z"), AMSTERDAM);

        assertThat(first.end()).isEqualTo(second.start());
        assertThat(Duration.between(first.start(), first.end())).isEqualTo(Duration.ofHours(1));
    }
}
