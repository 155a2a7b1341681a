package org.webcare.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.webcare.shared.Intent;
import org.webcare.shared.SentimentLabel;

class AssignmentTests {

    private static final CaseFacts DUTCH_COMPLAINT = new CaseFacts(1, 1, "nl", Set.of(Intent.COMPLAINT), List.of(),
            List.of("Storing"), SentimentLabel.NEGATIVE, 3, Set.of());

    @Test
    void roundRobinContinuesAfterTheLastAssignedAndWrapsAround() {
        List<Candidate> members = assessed(available(3, 0, 5), available(7, 0, 5), available(5, 0, 5));

        assertThat(Assignment.choose(Strategy.ROUND_ROBIN, members, null)).hasValueSatisfying(c -> assertThat(c.userId()).isEqualTo(3));
        assertThat(Assignment.choose(Strategy.ROUND_ROBIN, members, 3L)).hasValueSatisfying(c -> assertThat(c.userId()).isEqualTo(5));
        assertThat(Assignment.choose(Strategy.ROUND_ROBIN, members, 5L)).hasValueSatisfying(c -> assertThat(c.userId()).isEqualTo(7));
        assertThat(Assignment.choose(Strategy.ROUND_ROBIN, members, 7L)).hasValueSatisfying(c -> assertThat(c.userId()).isEqualTo(3));
    }

    @Test
    void loadBalancingPicksTheLowestShareOfCapacityNotTheFewestCases() {
        List<Candidate> members = assessed(available(1, 2, 4), available(2, 3, 10));

        assertThat(Assignment.choose(Strategy.LOAD_BALANCED, members, null)).hasValueSatisfying(c -> assertThat(c.userId()).isEqualTo(2));
    }

    @Test
    void aFullAwayOrForeignLanguageAgentIsNotEligible() {
        Candidate full = Assignment.assess(available(1, 5, 5), DUTCH_COMPLAINT);
        Candidate away = Assignment.assess(new Candidate(2, "Away", AgentStatus.AWAY, 0, 5, List.of(), List.of(), null, false), DUTCH_COMPLAINT);
        Candidate english = Assignment.assess(new Candidate(3, "En", AgentStatus.AVAILABLE, 0, 5, List.of("en"), List.of(), null, false), DUTCH_COMPLAINT);
        Candidate noCapacity = Assignment.assess(available(4, 0, 0), DUTCH_COMPLAINT);

        assertThat(List.of(full, away, english, noCapacity)).extracting(Candidate::ineligible)
                .containsExactly("capacity", "status", "language", "capacity");
        assertThat(Assignment.choose(Strategy.LOAD_BALANCED, List.of(full, away, english, noCapacity), null)).isEmpty();
    }

    @Test
    void anAgentWithLanguagesTakesCasesWhoseLanguageIsUnknown() {
        CaseFacts unknown = new CaseFacts(1, 1, "unknown", Set.of(), List.of(), List.of(), null, 3, Set.of());

        assertThat(Assignment.assess(new Candidate(3, "En", AgentStatus.AVAILABLE, 0, 5, List.of("en"), List.of(), null, false), unknown)
                .eligible()).isTrue();
    }

    @Test
    void agentsWhoseTopicsFitTheCaseComeFirst() {
        Candidate plain = Assignment.assess(available(1, 0, 5), DUTCH_COMPLAINT);
        Candidate storing = Assignment.assess(new Candidate(2, "Storing", AgentStatus.AVAILABLE, 4, 5, List.of(), List.of("storing"), null, false), DUTCH_COMPLAINT);

        assertThat(storing.preferred()).isTrue();
        assertThat(Assignment.choose(Strategy.LOAD_BALANCED, List.of(plain, storing), null))
                .hasValueSatisfying(c -> assertThat(c.userId()).isEqualTo(2));
        assertThat(Assignment.choose(Strategy.ROUND_ROBIN, List.of(plain, storing), 2L))
                .hasValueSatisfying(c -> assertThat(c.userId()).isEqualTo(2));
    }

    @Test
    void manualQueuesChooseNobody() {
        assertThat(Assignment.choose(Strategy.MANUAL, assessed(available(1, 0, 5)), null)).isEmpty();
    }

    private static Candidate available(long id, int active, int capacity) {
        return new Candidate(id, "Agent " + id, AgentStatus.AVAILABLE, active, capacity, List.of(), List.of(), null, false);
    }

    private static List<Candidate> assessed(Candidate... candidates) {
        return java.util.Arrays.stream(candidates).map(c -> Assignment.assess(c, DUTCH_COMPLAINT)).toList();
    }
}
