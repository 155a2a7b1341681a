package org.webcare.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Actor;
import org.webcare.cases.Case;
import org.webcare.cases.CaseEvent;
import org.webcare.cases.CaseStatus;
import org.webcare.identity.WebcareUser;
import org.webcare.shared.Intent;

/** Who gets a case: each strategy, status, capacity, languages and topics, reopened cases, and waiting cases handed out. */
class AssignmentIntegrationTests extends RoutingTest {

    @Autowired
    RoutingSweep sweep;

    @Test
    void roundRobinGivesEachMemberATurnAndRemembersWhoseTurnItIs() {
        WebcareUser anne = anAvailableAgent();
        WebcareUser bram = anAvailableAgent();
        WebcareUser cas = anAvailableAgent();
        aDefaultQueue("Algemeen", Strategy.ROUND_ROBIN, cas, anne, bram);

        List<Long> assignees = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            assignees.add(aCaseSaying(DUTCH_QUESTION).id());
        }

        assertThat(assignees.stream().map(id -> cases.get(id).assigneeId()).toList())
                .containsExactly(anne.id(), bram.id(), cas.id(), anne.id());
    }

    @Test
    void everyAssignmentIsRecordedInTheCaseHistoryWithTheQueueAndRule() {
        WebcareUser anne = anAvailableAgent();
        Queue complaints = aQueue("Klachten", Strategy.ROUND_ROBIN, anne);
        aRule("Boze klanten", complaints, intents(Intent.COMPLAINT));

        Case complaint = aCaseSaying(DUTCH_COMPLAINT);

        assertThat(current(complaint).assigneeId()).isEqualTo(anne.id());
        assertThat(current(complaint).status()).as("taking a new case opens it").isEqualTo(CaseStatus.OPEN);
        CaseEvent assigned = cases.history(complaint.id()).stream().filter(e -> e.kind().equals("assigned")).findFirst().orElseThrow();
        assertThat(assigned.actorId()).isNull();
        assertThat(assigned.to()).isEqualTo(anne.displayName());
        assertThat(assigned.reason()).contains("Klachten").contains("Boze klanten").contains("round-robin");
    }

    @Test
    void loadBalancingRespectsCapacityAndLoad() {
        WebcareUser small = anAvailableAgent();
        WebcareUser large = anAvailableAgent();
        agents.configure(small.id(), 1, List.of(), List.of());
        agents.configure(large.id(), 2, List.of(), List.of());
        Queue queue = aDefaultQueue("Algemeen", Strategy.LOAD_BALANCED, small, large);

        Case first = aCaseSaying(DUTCH_QUESTION);
        Case second = aCaseSaying(DUTCH_QUESTION);
        Case third = aCaseSaying(DUTCH_QUESTION);
        Case fourth = aCaseSaying(DUTCH_QUESTION);

        assertThat(current(first).assigneeId()).as("both idle: the first member").isEqualTo(small.id());
        assertThat(current(second).assigneeId()).as("the small one is full").isEqualTo(large.id());
        assertThat(current(third).assigneeId()).isEqualTo(large.id());
        assertThat(current(fourth).assigneeId()).as("nobody has room: it waits").isNull();
        assertThat(agents.get(large.id()).activeCases()).isEqualTo(2);
        assertThat(routing.waitingCounts()).containsEntry(queue.id(), 1);
    }

    @Test
    void aManualQueueLeavesCasesForAgentsToClaim() {
        WebcareUser anne = anAvailableAgent();
        aDefaultQueue("Algemeen", Strategy.MANUAL, anne);

        Case waiting = aCaseSaying(DUTCH_QUESTION);

        assertThat(current(waiting).assigneeId()).isNull();
        assertThat(current(waiting).status()).isEqualTo(CaseStatus.NEW);
        assertThat(queueOf(waiting)).isEqualTo("Algemeen");
    }

    @Test
    void onlyAvailableAgentsGetCases() {
        WebcareUser away = anAvailableAgent();
        WebcareUser offline = anAgent(PASSWORD);
        WebcareUser available = anAvailableAgent();
        agents.setStatus(away.id(), AgentStatus.AWAY);
        aDefaultQueue("Algemeen", Strategy.ROUND_ROBIN, away, offline, available);

        assertThat(current(aCaseSaying(DUTCH_QUESTION)).assigneeId()).isEqualTo(available.id());
        assertThat(current(aCaseSaying(DUTCH_QUESTION)).assigneeId()).isEqualTo(available.id());
    }

    @Test
    void agentsGetOnlyCasesInTheLanguagesTheyAnswerIn() {
        WebcareUser english = anAvailableAgent();
        WebcareUser dutch = anAvailableAgent();
        agents.configure(english.id(), null, List.of("en"), List.of());
        agents.configure(dutch.id(), null, List.of("NL", "de"), List.of());
        aDefaultQueue("Algemeen", Strategy.LOAD_BALANCED, english, dutch);

        assertThat(current(aCaseSaying(DUTCH_QUESTION)).assigneeId()).isEqualTo(dutch.id());
        assertThat(current(aCaseSaying(DUTCH_COMPLAINT)).assigneeId()).isEqualTo(dutch.id());
        assertThat(current(aCaseSaying(ENGLISH_QUESTION)).assigneeId()).isEqualTo(english.id());

        agents.setStatus(dutch.id(), AgentStatus.AWAY);
        assertThat(current(aCaseSaying(DUTCH_QUESTION)).assigneeId()).as("nobody speaks Dutch now").isNull();
    }

    @Test
    void agentsWhoseTopicsFitTheCaseComeFirst() {
        WebcareUser generalist = anAvailableAgent();
        WebcareUser complaintsExpert = anAvailableAgent();
        agents.configure(complaintsExpert.id(), null, List.of(), List.of("Complaint"));
        aDefaultQueue("Algemeen", Strategy.LOAD_BALANCED, generalist, complaintsExpert);

        Case complaint = aCaseSaying(DUTCH_COMPLAINT);
        Case another = aCaseSaying(DUTCH_COMPLAINT);
        Case question = aCaseSaying(DUTCH_QUESTION);

        assertThat(current(complaint).assigneeId()).isEqualTo(complaintsExpert.id());
        assertThat(current(another).assigneeId()).as("preferred although busier").isEqualTo(complaintsExpert.id());
        assertThat(current(question).assigneeId()).as("no topic fits: the lowest load").isEqualTo(generalist.id());
    }

    @Test
    void aReopenedCaseGoesBackToTheAgentWhoHadIt() {
        WebcareUser anne = anAvailableAgent();
        WebcareUser bram = anAvailableAgent();
        aDefaultQueue("Algemeen", Strategy.ROUND_ROBIN, anne, bram);
        String customer = unique("@klant");
        Case first = aCaseFrom(customer, DUTCH_QUESTION);
        assertThat(current(first).assigneeId()).isEqualTo(anne.id());
        resolve(first);
        assertThat(current(aCaseSaying(DUTCH_QUESTION)).assigneeId()).isEqualTo(bram.id());
        assertThat(current(aCaseSaying(DUTCH_QUESTION)).assigneeId()).isEqualTo(anne.id());
        // Bram's turn now: the queue alone would give the reopened case to him.

        Case reopened = aCaseFrom(customer, "Het werkt toch nog steeds niet, kunnen jullie nog eens kijken?");

        assertThat(reopened.id()).isEqualTo(first.id());
        assertThat(current(first).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(current(first).assigneeId()).isEqualTo(anne.id());
    }

    @Test
    void aReopenedCaseGoesToTheQueueWhenItsAgentIsAway() {
        WebcareUser anne = anAvailableAgent();
        WebcareUser bram = anAgent(PASSWORD);
        aDefaultQueue("Algemeen", Strategy.ROUND_ROBIN, anne, bram);
        String customer = unique("@klant");
        Case first = aCaseFrom(customer, DUTCH_QUESTION);
        resolve(first);
        agents.setStatus(anne.id(), AgentStatus.AWAY);
        agents.setStatus(bram.id(), AgentStatus.AVAILABLE);

        aCaseFrom(customer, "Het werkt toch nog steeds niet, kunnen jullie nog eens kijken?");

        assertThat(current(first).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(current(first).assigneeId()).isEqualTo(bram.id());
        CaseEvent handedOver = cases.history(first.id()).stream().filter(e -> e.kind().equals("assigned")).toList().getLast();
        assertThat(handedOver.from()).isEqualTo(anne.displayName());
        assertThat(handedOver.reason()).contains("away");
    }

    @Test
    void aReopenedCaseWaitsInTheQueueWhenNobodyHasRoom() {
        WebcareUser anne = anAvailableAgent();
        Queue queue = aDefaultQueue("Algemeen", Strategy.ROUND_ROBIN, anne);
        String customer = unique("@klant");
        Case first = aCaseFrom(customer, DUTCH_QUESTION);
        resolve(first);
        agents.setStatus(anne.id(), AgentStatus.OFFLINE);

        aCaseFrom(customer, "Het werkt toch nog steeds niet, kunnen jullie nog eens kijken?");

        assertThat(current(first).assigneeId()).isNull();
        assertThat(routing.waitingCounts()).containsEntry(queue.id(), 1);
    }

    @Test
    void aReopenedCaseOfABrandWithoutQueuesStaysWithItsAgent() {
        WebcareUser anne = anAgent(PASSWORD);
        String customer = unique("@klant");
        Case first = aCaseFrom(customer, DUTCH_QUESTION);
        cases.assign(first.id(), anne.id(), Actor.WEBCARE, "test");
        resolve(first);

        aCaseFrom(customer, "Het werkt toch nog steeds niet, kunnen jullie nog eens kijken?");

        assertThat(current(first).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(current(first).assigneeId()).as("offline, but there is no queue to wait in").isEqualTo(anne.id());
    }

    @Test
    void waitingCasesAreHandedOutWhenAnAgentBecomesAvailableMostUrgentFirst() {
        WebcareUser anne = anAgent(PASSWORD);
        agents.configure(anne.id(), 1, List.of(), List.of());
        aDefaultQueue("Algemeen", Strategy.ROUND_ROBIN, anne);
        Case question = aCaseSaying(DUTCH_QUESTION);
        Case outage = aCaseSaying(DUTCH_OUTAGE);
        assertThat(current(question).assigneeId()).isNull();
        assertThat(current(outage).assigneeId()).isNull();

        agents.setStatus(anne.id(), AgentStatus.AVAILABLE);

        assertThat(current(outage).assigneeId()).as("more urgent").isEqualTo(anne.id());
        assertThat(current(question).assigneeId()).as("anne has no room left").isNull();

        // Resolving frees her slot: the next waiting case follows.
        resolve(outage);
        assertThat(current(question).assigneeId()).isEqualTo(anne.id());
    }

    @Test
    void aCaseGivenToSomeoneElseFreesTheAgentsSlot() {
        WebcareUser anne = anAvailableAgent();
        WebcareUser lead = aTeamLead();
        agents.configure(anne.id(), 1, List.of(), List.of());
        aDefaultQueue("Algemeen", Strategy.LOAD_BALANCED, anne);
        Case first = aCaseSaying(DUTCH_QUESTION);
        Case second = aCaseSaying(DUTCH_QUESTION);
        assertThat(current(second).assigneeId()).isNull();

        cases.assign(first.id(), lead.id(), Actor.user(lead.id(), lead.displayName()), "takes it over");

        assertThat(current(second).assigneeId()).isEqualTo(anne.id());
    }

    @Test
    void theSweepHandsOutWhatAChangeLeftWaiting() {
        WebcareUser anne = anAgent(PASSWORD);
        aDefaultQueue("Algemeen", Strategy.ROUND_ROBIN, anne);
        Case waiting = aCaseSaying(DUTCH_QUESTION);
        // As after a crash between the status change and the hand-out: the status is there, the hand-out is not.
        jdbc.sql("update routing_agent set status = 'AVAILABLE' where user_id = ?").param(anne.id()).update();

        sweep.sweep();

        assertThat(current(waiting).assigneeId()).isEqualTo(anne.id());
    }
}
