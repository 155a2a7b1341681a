package org.webcare.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.webcare.crisis.CrisisDetected.Kind;
import org.webcare.crisis.Replay.Alert;

/**
 * The detectors on a replayed real week of tweets to US airlines (Twitter US Airline Sentiment, February 2015,
 * without the held-out tweets), checked once a minute as the watch does. Figures are printed, not asserted.
 */
class CrisisReplayTests {

    private static final Instant THURSDAY = Replay.WEEK.plus(2, ChronoUnit.DAYS);

    @Test
    void raisesNoAlarmOverAnOrdinaryWeek() {
        Replay replay = Replay.of("Virgin America");

        List<Alert> alerts = replay.run(Replay.WEEK, Replay.WEEK_END);

        print("Virgin America, ordinary week (" + replay.tweets().size() + " tweets)", alerts);
        assertThat(alerts).isEmpty();
    }

    @Test
    void alarmsOnABusierWeekOnlyWhereVolumeAtLeastQuadrupled() {
        // Southwest's week holds a few short real bursts; the alarms it raises must be those, not ordinary traffic.
        Replay replay = Replay.of("Southwest");

        List<Alert> alerts = replay.run(Replay.WEEK, Replay.WEEK_END);

        print("Southwest, real week (" + replay.tweets().size() + " tweets)", alerts);
        assertThat(alerts).filteredOn(alert -> alert.kind() == Kind.VOLUME).allSatisfy(alert ->
                assertThat(alert.level()).isGreaterThanOrEqualTo(4 * expectedAt(replay, alert.at())));
    }

    @Test
    void printsHowTheMinimumCountTradesFalseAlarmsForDelay() {
        System.out.println("minimum posts | volume alarms in the real week: Southwest, Delta, Virgin America | delay of a 40-post surge, mean / max minutes");
        for (int minimum : List.of(10, 15, 20, 25)) {
            SpikeDetector detector = new SpikeDetector(Duration.ofMinutes(15), minimum, 3.0);
            List<Long> alarms = new ArrayList<>();
            for (String airline : List.of("Southwest", "Delta", "Virgin America")) {
                alarms.add(Replay.of(airline).detecting(detector).run(Replay.WEEK, Replay.WEEK_END).stream()
                        .filter(a -> a.kind() == Kind.VOLUME && a.start()).count());
            }
            List<Long> delays = surgeDelays(Replay.of("Southwest").detecting(detector));
            System.out.printf("%13d | %s | %.1f / %d%n", minimum, alarms,
                    delays.stream().mapToLong(Long::longValue).average().orElse(Double.NaN),
                    delays.stream().mapToLong(Long::longValue).max().orElse(-1));
        }
    }

    private static long expectedAt(Replay replay, Instant at) {
        return Math.round(HourOfWeekBaseline.learn(replay.history()).between(at.minus(15, ChronoUnit.MINUTES), at).posts());
    }

    @Test
    void reportsTheRealBurstsOfABusierWeek() {
        // Delta's Monday 23 February has a real burst (58 and 66 tweets between 10:00 and 12:00 against about 10):
        // the figures show what the detectors make of it, and of the rest of Delta's week.
        Replay replay = Replay.of("Delta");

        List<Alert> alerts = replay.run(Replay.WEEK, Replay.WEEK_END);

        print("Delta, real week (" + replay.tweets().size() + " tweets)", alerts);
        assertThat(alerts).anySatisfy(alert -> {
            assertThat(alert.kind()).isEqualTo(Kind.VOLUME);
            assertThat(alert.at()).isBetween(Instant.parse("2015-02-23T10:00:00Z"), Instant.parse("2015-02-23T12:00:00Z"));
        });
    }

    @Test
    void alarmsWithinMinutesOfAnInjectedSurge() {
        List<Long> delays = surgeDelays(Replay.of("Southwest"));

        System.out.printf("Injected surges of 40 posts in 10 minutes (Southwest, %d moments): detection after %s minutes"
                + " (mean %.1f, max %d)%n", delays.size(), delays,
                delays.stream().mapToLong(Long::longValue).average().orElseThrow(),
                delays.stream().mapToLong(Long::longValue).max().orElseThrow());
        assertThat(delays).allSatisfy(delay -> assertThat(delay).isLessThanOrEqualTo(5));
    }

    /** 40 extra posts over 10 minutes, injected once at each of 21 moments of the week: night, office hours, evening. */
    private static List<Long> surgeDelays(Replay replay) {
        List<Long> delays = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            for (int hour : List.of(3, 10, 17)) {
                Instant start = Replay.WEEK.plus(day, ChronoUnit.DAYS).plus(hour, ChronoUnit.HOURS).plus(7, ChronoUnit.MINUTES);
                Replay surged = replay.with(Replay.surge(start, 40, Duration.ofMinutes(10), false));

                List<Alert> alerts = surged.run(start.minus(1, ChronoUnit.HOURS), start.plus(1, ChronoUnit.HOURS));

                Alert first = alerts.stream().filter(a -> a.kind() == Kind.VOLUME && !a.at().isBefore(start)).findFirst()
                        .orElseThrow(() -> new AssertionError("no alarm for the surge at " + start));
                delays.add(Duration.between(start, first.at()).toMinutes());
            }
        }
        return delays;
    }

    @Test
    void alarmsOnAnInjectedNegativeWave() {
        Instant start = THURSDAY.plus(14, ChronoUnit.HOURS);
        // 40 negative posts over 30 minutes: too slow a rise for the volume alarm, but the share of negatives jumps.
        Replay wave = Replay.of("Southwest").with(Replay.surge(start, 40, Duration.ofMinutes(30), true));

        List<Alert> alerts = wave.run(start.minus(1, ChronoUnit.HOURS), start.plus(2, ChronoUnit.HOURS));

        Alert first = alerts.stream().filter(a -> a.kind() == Kind.NEGATIVE_SHARE).findFirst()
                .orElseThrow(() -> new AssertionError("no negative-share alarm: " + alerts));
        System.out.printf("Injected negative wave (40 negative posts in 30 minutes, Southwest): alarm after %d minutes: %s%n",
                Duration.between(start, first.at()).toMinutes(), first.reason());
        assertThat(first.at()).isBetween(start, start.plus(30, ChronoUnit.MINUTES));
        assertThat(alerts).filteredOn(a -> a.kind() == Kind.NEGATIVE_SHARE).filteredOn(Alert::start).hasSize(1);
    }

    @Test
    void reFiresOnlyWhenTheSpikeGrows() {
        Instant start = THURSDAY.plus(10, ChronoUnit.HOURS);
        Instant doubled = start.plus(45, ChronoUnit.MINUTES);
        // A steady 4 extra posts a minute for 45 minutes, then 8 a minute for 30 minutes.
        Replay sustained = Replay.of("Southwest")
                .with(Replay.surge(start, 180, Duration.ofMinutes(45), false))
                .with(Replay.surge(doubled, 240, Duration.ofMinutes(30), false));

        List<Alert> volume = sustained.run(start.minus(1, ChronoUnit.HOURS), start.plus(3, ChronoUnit.HOURS)).stream()
                .filter(a -> a.kind() == Kind.VOLUME).toList();

        print("Southwest, sustained surge that doubles after 45 minutes", volume);
        assertThat(volume.getFirst().start()).isTrue();
        assertThat(volume).filteredOn(Alert::start).hasSize(1);
        assertThat(volume).filteredOn(a -> a.at().isAfter(start.plus(20, ChronoUnit.MINUTES)) && a.at().isBefore(doubled))
                .as("no re-fire while the surge keeps its size").isEmpty();
        List<Alert> afterDoubling = volume.stream().filter(a -> !a.at().isBefore(doubled)).toList();
        Alert lastBefore = volume.stream().filter(a -> a.at().isBefore(doubled)).reduce((a, b) -> b).orElseThrow();
        assertThat(afterDoubling).as("a re-fire once it grows").isNotEmpty();
        assertThat(afterDoubling.getFirst().level()).isGreaterThanOrEqualTo(Math.round(1.5 * lastBefore.level()));
        assertThat(afterDoubling.getFirst().at()).isBefore(doubled.plus(15, ChronoUnit.MINUTES));
    }

    private static void print(String title, List<Alert> alerts) {
        System.out.println(title + ": " + alerts.stream().filter(Alert::start).count() + " alarms, "
                + alerts.stream().filter(a -> !a.start()).count() + " re-fires");
        alerts.forEach(alert -> System.out.println("  " + alert.at() + " " + alert.kind() + (alert.start() ? " starts: " : " grows: ")
                + alert.reason()));
    }
}
