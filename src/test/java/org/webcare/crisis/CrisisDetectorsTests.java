package org.webcare.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.webcare.shared.Intent;
import org.webcare.shared.SentimentLabel;

class CrisisDetectorsTests {

    private final SpikeDetector spikes = new SpikeDetector(Duration.ofMinutes(15), 10, 3.0);

    @Test
    void aQuietHourNeedsTheMinimumCountNotTwoPosts() {
        assertThat(spikes.threshold(new Expectation(0, 0))).isEqualTo(10);
        assertThat(spikes.threshold(new Expectation(0.5, 0.2))).isEqualTo(10);
    }

    @Test
    void aBusyScopeNeedsAtLeastTripleItsUsualVolume() {
        assertThat(spikes.threshold(new Expectation(200, 0))).isEqualTo(600);
    }

    @Test
    void weekToWeekVariationRaisesTheBar() {
        assertThat(spikes.threshold(new Expectation(5, 4))).isGreaterThan(spikes.threshold(new Expectation(5, 0)));
    }

    @Test
    void judgesNoVolumeWithoutHistory() {
        HourOfWeekBaseline none = HourOfWeekBaseline.learn(HourlyHistory.empty(java.time.ZoneOffset.UTC, Instant.EPOCH));

        assertThat(spikes.evaluate(none, Instant.parse("2025-06-02T10:00:00Z"), 500)).isEmpty();
    }

    @Test
    void judgesTheNegativeShareByItsLowerBoundNotTheRawRatio() {
        NegativeShare negative = new NegativeShare(20);

        assertThat(negative.evaluate(5, 4, 0.3)).as("too few posts").isEmpty();
        assertThat(negative.evaluate(20, 10, 0.3)).as("50 % of 20 is within chance of 30 %").isEmpty();
        assertThat(negative.evaluate(40, 32, 0.3)).hasValueSatisfying(wave -> {
            assertThat(wave.perMille()).isEqualTo(800);
            assertThat(wave.usualPerMille()).isEqualTo(300);
            assertThat(wave.reason()).isEqualTo("32 of 40 posts in the last hour are negative (80 %), usually 30 %");
        });
        assertThat(NegativeShare.wilsonLowerBound(8, 10, 1.96)).isCloseTo(0.490, within(0.001));
    }

    @Test
    void aScopeWithoutHistoryIsAssumedToHearTheUsualShareOfComplaints() {
        assertThat(NegativeShare.usualShare(0, 0)).isEqualTo(0.3);
        assertThat(NegativeShare.usualShare(1000, 600)).isCloseTo(0.586, within(0.001));
    }

    @Test
    void aLoudPostMustBothReachFarAndHurt() {
        HighReachPost loud = new HighReachPost(100_000, 75);

        assertThat(loud.alarms(250_000L, 43, SentimentLabel.NEGATIVE, Set.of())).isTrue();
        assertThat(loud.alarms(250_000L, 43, SentimentLabel.NEUTRAL, Set.of(Intent.COMPLAINT))).isTrue();
        assertThat(loud.alarms(250_000L, 43, SentimentLabel.POSITIVE, Set.of(Intent.COMPLIMENT))).isFalse();
        assertThat(loud.alarms(800L, 20, SentimentLabel.NEGATIVE, Set.of())).isFalse();
        assertThat(loud.alarms(null, 80, SentimentLabel.NEGATIVE, Set.of())).as("spreading fast").isTrue();
    }

    @Test
    void reFiresOnlyWhenTheExcessOverNormalGrewByTheFactorAndNotTooSoon() {
        Instant fired = Instant.parse("2025-06-02T10:00:00Z");
        Duration holdOff = Duration.ofMinutes(15);
        Instant later = fired.plus(holdOff);

        assertThat(Escalation.refires(40, fired, 40, 0, later, 1.5, holdOff)).isFalse();
        assertThat(Escalation.refires(40, fired, 59, 0, later, 1.5, holdOff)).isFalse();
        assertThat(Escalation.refires(40, fired, 60, 0, later, 1.5, holdOff)).isTrue();
        assertThat(Escalation.refires(40, fired, 90, 0, fired.plus(Duration.ofMinutes(5)), 1.5, holdOff)).isFalse();
        // Negative share in per mille above a usual 400: 700 fired, 850 is 1.5 times the excess.
        assertThat(Escalation.refires(700, fired, 849, 400, later, 1.5, holdOff)).isFalse();
        assertThat(Escalation.refires(700, fired, 850, 400, later, 1.5, holdOff)).isTrue();
        assertThat(Escalation.over(fired, fired.plus(Duration.ofMinutes(59)), Duration.ofHours(1))).isFalse();
        assertThat(Escalation.over(fired, fired.plus(Duration.ofHours(1)), Duration.ofHours(1))).isTrue();
    }
}
