package org.webcare.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Actor;
import org.webcare.cases.CaseEvent;
import org.webcare.cases.CaseStatus;
import org.webcare.cases.Replies;
import org.webcare.shared.Visibility;
import tools.jackson.databind.JsonNode;

/** SLA clocks through a case's lifecycle, as agents and team leads see them over the REST API. */
class SlaLifecycleIntegrationTests extends SlaTest {

    @Autowired
    Replies replies;

    @Test
    void aReplyWithinFourHoursMeetsTheFirstResponseTarget() {
        long caseId = caseOf(post("@anna", "@shop waar blijft mijn pakket?", Instant.now().minus(Duration.ofHours(1))));

        json(api.postJson("/api/v1/cases/" + caseId + "/replies", agentToken, "{\"text\":\"We kijken het na!\"}"));

        JsonNode sla = json(api.get("/api/v1/cases/" + caseId + "/sla", agentToken));
        assertThat(sla.get("policyName").asString()).isEqualTo("Default");
        JsonNode first = clockJson(sla, "first-response", 0);
        assertThat(first.get("state").asString()).isEqualTo("met");
        assertThat(first.get("marginCalendarSeconds").asLong()).isBetween(-3 * 3600L - 60, -3 * 3600L + 60);
        JsonNode resolution = clockJson(sla, "resolution", 0);
        assertThat(resolution.get("state").asString()).isEqualTo("running");
        assertThat(resolution.get("targetSeconds").asLong()).isEqualTo(24 * 3600);
    }

    @Test
    void aReplyAfterFourHoursBreachesItByAsMuchAsItWasLate() {
        long caseId = caseOf(post("@bob", "@shop nog steeds geen antwoord", Instant.now().minus(Duration.ofHours(5))));

        JsonNode before = json(api.get("/api/v1/cases/" + caseId + "/sla", agentToken));
        assertThat(clockJson(before, "first-response", 0).get("state").asString()).isEqualTo("breached");
        assertThat(clockJson(before, "first-response", 0).get("timeLeftSeconds").asLong()).isLessThan(-3500);

        json(api.postJson("/api/v1/cases/" + caseId + "/replies", agentToken, "{\"text\":\"Sorry voor het wachten\"}"));

        SlaClock first = clock(caseId, ClockKind.FIRST_RESPONSE, 0);
        assertThat(first.outcome()).isEqualTo("breached");
        assertThat(first.marginCalendarSeconds()).isBetween(3600L - 5, 3600L + 60);
        assertThat(first.marginWorkingSeconds()).isEqualTo(first.marginCalendarSeconds());
    }

    @Test
    void waitingOnTheCustomerPausesTheClocksAndMovesTheirDueTimeByThePause() {
        long caseId = caseOf(post("@carla", "@shop mijn factuur klopt niet", Instant.now().minus(Duration.ofMinutes(30))));
        Instant due = clock(caseId, ClockKind.RESOLUTION, 0).dueAt();

        cases.changeStatus(caseId, CaseStatus.PENDING_CUSTOMER, Actor.user(agent.id(), agent.displayName()), "need the invoice number");
        SlaClock paused = clock(caseId, ClockKind.RESOLUTION, 0);
        assertThat(paused.pausedSince()).isNotNull();
        assertThat(paused.state(Instant.now())).isEqualTo("paused");
        assertThat(paused.dueAt()).isEqualTo(due);

        cases.changeStatus(caseId, CaseStatus.OPEN, Actor.user(agent.id(), agent.displayName()), null);
        var changes = cases.history(caseId).stream().filter(e -> e.kind().equals("status")).map(CaseEvent::at).toList();
        Duration pause = Duration.between(changes.get(changes.size() - 2), changes.getLast());
        SlaClock resumed = clock(caseId, ClockKind.RESOLUTION, 0);
        assertThat(resumed.pausedSince()).isNull();
        assertThat(resumed.pausedSeconds()).isEqualTo(pause.toSeconds());
        assertThat(resumed.dueAt()).isEqualTo(due.plus(pause));
    }

    @Test
    void waitingOnAnExpertIsRecordedPerClockWithoutPausingIt() {
        long caseId = caseOf(post("@dirk", "@shop klopt deze voorwaarde?", Instant.now().minus(Duration.ofMinutes(10))));
        Instant due = clock(caseId, ClockKind.FIRST_RESPONSE, 0).dueAt();

        cases.changeStatus(caseId, CaseStatus.PENDING_INTERNAL, Actor.user(agent.id(), agent.displayName()), "asked legal");
        SlaClock waiting = clock(caseId, ClockKind.FIRST_RESPONSE, 0);
        assertThat(waiting.internalSince()).isNotNull();
        assertThat(waiting.pausedSince()).isNull();
        assertThat(waiting.state(Instant.now())).isEqualTo("running");

        cases.changeStatus(caseId, CaseStatus.OPEN, Actor.user(agent.id(), agent.displayName()), null);
        SlaClock after = clock(caseId, ClockKind.FIRST_RESPONSE, 0);
        assertThat(after.internalSince()).isNull();
        assertThat(after.dueAt()).isEqualTo(due);
    }

    @Test
    void everyCustomerTurnAfterAReplyRunsItsOwnNextResponseClock() {
        policy("{\"brandId\":" + brand.id() + ",\"name\":\"Chat\",\"targets\":{\"firstResponse\":\"PT4H\",\"nextResponse\":\"PT1H\"}}");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long first = post("@eva", "@shop mijn abonnement", now.minus(Duration.ofHours(5)));
        long caseId = caseOf(first);
        replies.recordDelivered(first, "Welk nummer?", Visibility.PUBLIC, "Team", now.minus(Duration.ofHours(4)));
        post("@eva", "@shop nummer 123", now.minus(Duration.ofHours(3)));
        post("@eva", "@shop en ook 456", now.minus(Duration.ofMinutes(170)));
        replies.recordDelivered(first, "Dank, geregeld", Visibility.PUBLIC, "Team", now.minus(Duration.ofMinutes(100)));
        post("@eva", "@shop nog een vraag", now.minus(Duration.ofMinutes(10)));

        assertThat(clocks.of(caseId)).extracting(c -> c.kind().json() + "#" + c.turn())
                .containsExactlyInAnyOrder("first-response#0", "next-response#1", "next-response#2");
        SlaClock turn1 = clock(caseId, ClockKind.NEXT_RESPONSE, 1);
        assertThat(turn1.startedAt()).isEqualTo(now.minus(Duration.ofHours(3)));
        assertThat(turn1.outcome()).isEqualTo("breached");
        assertThat(turn1.marginCalendarSeconds()).isEqualTo(Duration.ofMinutes(20).toSeconds());
        SlaClock turn2 = clock(caseId, ClockKind.NEXT_RESPONSE, 2);
        assertThat(turn2.running()).isTrue();
        assertThat(turn2.dueAt()).isEqualTo(now.plus(Duration.ofMinutes(50)));
    }

    @Test
    void reopeningStartsANewResolutionClockAndOutcomesAreStoredForReports() {
        Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        long caseId = caseOf(post("@fleur", "@shop retour?", start));
        json(api.postJson("/api/v1/cases/" + caseId + "/replies", agentToken, "{\"text\":\"Via de site\",\"status\":\"resolved\"}"));
        assertThat(clock(caseId, ClockKind.RESOLUTION, 0).outcome()).isEqualTo("met");

        post("@fleur", "@shop lukt niet", Instant.now());

        assertThat(cases.get(caseId).status()).isEqualTo(CaseStatus.OPEN);
        SlaClock reopened = clock(caseId, ClockKind.RESOLUTION, 1);
        assertThat(reopened.running()).isTrue();
        assertThat(Duration.between(reopened.startedAt(), reopened.dueAt())).isEqualTo(Duration.ofHours(24));
        // The default policy has no next-response target: the customer's new turn starts no clock.
        assertThat(clocks.of(caseId)).noneMatch(c -> c.kind() == ClockKind.NEXT_RESPONSE);
        JsonNode outcomes = json(api.get("/api/v1/sla/outcomes?brand=" + brand.id() + "&from=" + start.minusSeconds(60)
                + "&to=" + Instant.now().plusSeconds(60), leadToken));
        assertThat(outcomes.valueStream().map(o -> o.get("clock").get("kind").asString() + "#" + o.get("clock").get("turn").asInt()
                + ":" + o.get("clock").get("outcome").asString() + ":" + o.get("latest").asBoolean()))
                .containsExactlyInAnyOrder("first-response#0:met:true", "resolution#0:met:false");
    }

    @Test
    void activeCasesAreListedByTimeLeftSoonestFirst() {
        long later = caseOf(post("@gijs", "@shop vraag", Instant.now().minus(Duration.ofMinutes(5))));
        long sooner = caseOf(post("@hanna", "@shop vraag", Instant.now().minus(Duration.ofHours(3))));

        JsonNode list = json(api.get("/api/v1/sla/cases?sort=time-left&limit=1000", agentToken));
        var ids = list.valueStream().map(c -> c.get("caseId").asLong()).filter(id -> id == later || id == sooner).toList();
        assertThat(ids).containsExactly(sooner, later);
        assertThat(api.get("/api/v1/sla/cases?sort=priority", agentToken).statusCode()).isEqualTo(400);
    }

    private static JsonNode clockJson(JsonNode sla, String kind, int turn) {
        return sla.get("clocks").valueStream().filter(c -> c.get("kind").asString().equals(kind) && c.get("turn").asInt() == turn)
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " in " + sla));
    }

    @Test
    void theCaseListCanPutTheLeastTimeLeftFirst() {
        Instant now = Instant.now();
        long oldQuestion = caseOf(post("@oud", "@shop hoe laat gaan jullie open?", now.minus(java.time.Duration.ofMinutes(230))));
        long newComplaint = caseOf(post("@boos", "@shop ik wil nu mijn abonnement opzeggen, belachelijk!", now));
        var session = org.webcare.support.WebSession.signIn(baseUrl(), agent.email(), "correct horse battery");

        String byPriority = session.get("/cases?show=active&brand=" + brand.id()).body();
        String byTimeLeft = session.get("/cases?show=active&brand=" + brand.id() + "&sort=time-left").body();

        // The complaint is more urgent; the question's first response is due in 10 minutes, the complaint's in 4 hours.
        assertThat(byPriority.indexOf("data-case-id=\"" + newComplaint + "\"")).isLessThan(byPriority.indexOf("data-case-id=\"" + oldQuestion + "\""));
        assertThat(byTimeLeft.indexOf("data-case-id=\"" + oldQuestion + "\"")).isPositive()
                .isLessThan(byTimeLeft.indexOf("data-case-id=\"" + newComplaint + "\""));
    }
}
