package org.webcare.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErlangCTests {

    @Test
    void waitProbabilityMatchesTheTables() {
        // A = 10 Erlang on 12 agents: 44.94 % of the callers wait (standard Erlang C table).
        assertThat(ErlangC.waitProbability(10, 12)).isCloseTo(0.4494, within(0.0001));
        // A = 2 on 3 agents: B(3) = 4/19, C = 3·B / (3 − 2·(1 − B)) = 4/9.
        assertThat(ErlangC.waitProbability(2, 3)).isCloseTo(4.0 / 9, within(1e-12));
        assertThat(ErlangC.waitProbability(10, 10)).as("no more agents than load: everybody waits").isEqualTo(1.0);
    }

    @Test
    void theClassicEightyTwentyExample() {
        // 100 calls in half an hour with 180 s handling time: A = 10 Erlang; 80 % answered within 20 s.
        double answerWithin = 20.0 / 180;
        assertThat(ErlangC.serviceLevel(10, 13, answerWithin)).isCloseTo(0.7956, within(0.0001));
        assertThat(ErlangC.serviceLevel(10, 14, answerWithin)).isCloseTo(0.8884, within(0.0001));
        assertThat(ErlangC.agentsNeeded(10, answerWithin, 0.80)).isEqualTo(14);
    }

    @Test
    void aLongTargetNeedsJustMoreAgentsThanTheLoad() {
        // Within 4 hours at 6 minutes a reply is 40 handling times: any N above A is enough.
        assertThat(ErlangC.agentsNeeded(7.5, 40, 0.8)).isEqualTo(8);
        assertThat(ErlangC.agentsNeeded(0, 40, 0.8)).isZero();
        assertThat(ErlangC.agentsNeeded(0.05, 40, 0.8)).isEqualTo(1);
    }

    @Test
    void staysFiniteForLargeLoads() {
        double waits = ErlangC.waitProbability(500, 520);
        assertThat(waits).isBetween(0.0, 1.0);
        int agents = ErlangC.agentsNeeded(500, 20.0 / 180, 0.8);
        assertThat(agents).isBetween(501, 560);
        assertThat(ErlangC.serviceLevel(500, agents, 20.0 / 180)).isGreaterThanOrEqualTo(0.8);
        assertThat(ErlangC.serviceLevel(500, agents - 1, 20.0 / 180)).isLessThan(0.8);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> ErlangC.agentsNeeded(-1, 1, 0.8)).hasMessageStartingWith("load:");
        assertThatThrownBy(() -> ErlangC.agentsNeeded(1, 1, 1.0)).hasMessageStartingWith("serviceLevel:");
        assertThatThrownBy(() -> ErlangC.waitProbability(Double.NaN, 1)).hasMessageStartingWith("load:");
    }
}
