package org.webcare.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class CasePresenceTests {

    private static final long CASE = 7;
    private static final long ANNE = 1;
    private static final long BRAM = 2;
    private static final long CARLA = 3;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T16:00:00Z"));
    private final CasePresence presence = new CasePresence(clock, Duration.ofSeconds(30));

    @Test
    void listsEveryoneElseOnTheCaseButNeverYourself() {
        presence.report(CASE, ANNE, "Anne de Vries", false);
        presence.report(CASE, BRAM, "Bram Bakker", false);

        assertThat(presence.others(CASE, ANNE)).extracting(CasePresence.Presence::name).containsExactly("Bram Bakker");
        assertThat(presence.others(CASE, BRAM)).extracting(CasePresence.Presence::name).containsExactly("Anne de Vries");
        assertThat(presence.others(CASE + 1, ANNE)).as("another case").isEmpty();
    }

    @Test
    void showsWhoIsTypingFirstAndTheLatestReportCounts() {
        presence.report(CASE, ANNE, "Anne de Vries", false);
        presence.report(CASE, BRAM, "Bram Bakker", false);
        presence.report(CASE, CARLA, "Carla Claes", true);

        assertThat(presence.others(CASE, ANNE)).extracting(CasePresence.Presence::name, CasePresence.Presence::typing)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Carla Claes", true),
                        org.assertj.core.groups.Tuple.tuple("Bram Bakker", false));

        presence.report(CASE, CARLA, "Carla Claes", false);

        assertThat(presence.others(CASE, ANNE)).noneMatch(CasePresence.Presence::typing);
    }

    @Test
    void aReportExpiresWhenItIsNotRenewed() {
        presence.report(CASE, BRAM, "Bram Bakker", true);
        presence.report(CASE, CARLA, "Carla Claes", false);

        clock.advance(Duration.ofSeconds(20));
        presence.report(CASE, CARLA, "Carla Claes", false);
        assertThat(presence.others(CASE, ANNE)).hasSize(2);

        clock.advance(Duration.ofSeconds(10));
        assertThat(presence.others(CASE, ANNE)).as("Bram's last report is 30 s old")
                .extracting(CasePresence.Presence::name).containsExactly("Carla Claes");

        clock.advance(Duration.ofSeconds(25));
        assertThat(presence.others(CASE, ANNE)).isEmpty();
    }

    @Test
    void forgetsSomeoneWhoLeaves() {
        presence.report(CASE, BRAM, "Bram Bakker", false);

        presence.leave(CASE, BRAM);

        assertThat(presence.others(CASE, ANNE)).isEmpty();
    }

    @Test
    void refusesAnExpiryThatIsNotPositive() {
        assertThatThrownBy(() -> new CasePresence(clock, Duration.ZERO)).hasMessageStartingWith("webcare.presence.expiry:");
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
