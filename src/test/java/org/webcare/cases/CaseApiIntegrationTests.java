package org.webcare.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.channel.Brand;
import org.webcare.channel.ChannelType;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.intake.Posts;
import org.webcare.shared.Visibility;
import org.webcare.support.ApiClient;
import org.webcare.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The lifecycle, priority, merge and split of cases as an integrator drives them over the REST API. */
class CaseApiIntegrationTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Intake intake;

    @Autowired
    Cases cases;

    @Autowired
    Posts posts;

    ApiClient api;
    WebcareUser agent;
    String token;
    Brand brand;
    long channel;

    @BeforeEach
    void setUp() {
        api = new ApiClient(baseUrl());
        agent = anAgent("correct horse battery");
        token = tokenFor(agent);
        brand = channels.createBrand(unique("Brand"), List.of("@shop"));
        channel = channels.createChannel(brand.id(), ChannelType.API, "X", "http://127.0.0.1:9/x", true).channel().id();
    }

    @Test
    void movesThroughTheLifecycleAndRecordsWhoWhenAndWhy() {
        long caseId = caseOf(post("l1", "@anna", "@shop waar blijft mijn bestelling?", null, null));

        assertThat(json(api.postJson("/api/v1/cases/" + caseId + "/claim", token, "{}")).get("status").asString()).isEqualTo("OPEN");
        assertThat(json(status(caseId, "pending-customer", "asked for the order number")).get("status").asString())
                .isEqualTo("PENDING_CUSTOMER");
        assertThat(json(status(caseId, "resolved", "delivered today")).get("status").asString()).isEqualTo("RESOLVED");
        assertThat(json(status(caseId, "closed", null)).get("status").asString()).isEqualTo("CLOSED");

        HttpResponse<String> refused = status(caseId, "open", null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(problem(refused).get("field").asString()).isEqualTo("status");
        assertThat(problem(refused).get("detail").asString()).contains("a closed case cannot become open");

        JsonNode events = json(api.get("/api/v1/cases/" + caseId + "/events", token));
        assertThat(events.findValuesAsString("to")).contains("open", "pending-customer", "resolved", "closed");
        JsonNode pending = events.valueStream().filter(e -> "pending-customer".equals(e.get("to").asString())).findFirst().orElseThrow();
        assertThat(pending.get("actorName").asString()).isEqualTo(agent.displayName());
        assertThat(pending.get("reason").asString()).isEqualTo("asked for the order number");
        assertThat(pending.get("at").asString()).isNotBlank();
    }

    @Test
    void priorityComesFromImpactAndUrgencyWithItsReasonsAndCanBeOverriddenWithAReason() {
        long urgentFromInfluencer = caseOf(post("p1", "@bekend", "@shop dringend: jullie site lekt klantgegevens!!", null, 250_000L));
        long quietQuestion = caseOf(post("p2", "@rustig", "@shop hoe laat gaan jullie open?", null, 12L));

        JsonNode urgent = json(api.get("/api/v1/cases/" + urgentFromInfluencer, token)).get("details").get("priority");
        assertThat(urgent.get("impact").asString()).isEqualTo("HIGH");
        assertThat(urgent.get("urgency").asString()).isEqualTo("HIGH");
        assertThat(urgent.get("value").asInt()).isEqualTo(1);
        assertThat(urgent.get("reasons").valueStream().map(JsonNode::asString)).contains("followers=250000", "intent=urgent");
        JsonNode quiet = json(api.get("/api/v1/cases/" + quietQuestion, token)).get("details").get("priority");
        assertThat(quiet.get("value").asInt()).isEqualTo(5);

        HttpResponse<String> withoutReason = put("/api/v1/cases/" + quietQuestion + "/priority", "{\"priority\":2}");
        assertThat(withoutReason.statusCode()).isEqualTo(400);
        assertThat(problem(withoutReason).get("field").asString()).isEqualTo("reason");

        JsonNode overridden = json(put("/api/v1/cases/" + quietQuestion + "/priority", "{\"priority\":2,\"reason\":\"VIP customer\"}"));
        assertThat(overridden.get("priority").get("value").asInt()).isEqualTo(2);
        assertThat(overridden.get("priorityOverridden").asBoolean()).isTrue();
        assertThat(cases.history(quietQuestion)).anySatisfy(e -> assertThat(e.reason()).isEqualTo("VIP customer"));

        JsonNode computedAgain = json(put("/api/v1/cases/" + quietQuestion + "/priority", "{\"priority\":null}"));
        assertThat(computedAgain.get("priority").get("value").asInt()).isEqualTo(5);
    }

    @Test
    void mergesAndSplitsWithThreadsIntact() {
        long a1 = post("m1", "@bob", "@shop pakket beschadigd", null, null);
        long a2 = post("m2", "@bob", "@shop foto erbij", "m1", null);
        long b1 = post("m3", "@bob2", "@shop zelfde probleem als mijn man", null, null);
        long caseA = caseOf(a1);
        long caseB = caseOf(b1);
        long threadOfA2 = posts.find(a2).orElseThrow().threadId();

        JsonNode merged = json(api.postJson("/api/v1/cases/" + caseB + "/merge", token, "{\"into\":" + caseA + ",\"reason\":\"same household\"}"));
        assertThat(merged.get("id").asLong()).isEqualTo(caseA);
        assertThat(cases.view(caseA).orElseThrow().posts()).extracting(p -> p.id()).containsExactlyInAnyOrder(a1, a2, b1);
        Case source = cases.get(caseB);
        assertThat(source.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(source.mergedIntoId()).isEqualTo(caseA);

        HttpResponse<String> again = api.postJson("/api/v1/cases/" + caseB + "/merge", token, "{\"into\":" + caseA + "}");
        assertThat(again.statusCode()).isEqualTo(409);

        HttpResponse<String> split = api.postJson("/api/v1/cases/" + caseA + "/split", token, "{\"postIds\":[" + b1 + "],\"reason\":\"separate order\"}");
        assertThat(split.statusCode()).isEqualTo(201);
        long newCase = json(split).get("id").asLong();
        assertThat(cases.caseOf(b1)).map(Case::id).contains(newCase);
        assertThat(cases.get(newCase).splitFromId()).isEqualTo(caseA);
        assertThat(posts.find(a2).orElseThrow().threadId()).isEqualTo(threadOfA2);

        HttpResponse<String> everything = api.postJson("/api/v1/cases/" + caseA + "/split", token, "{\"postIds\":[" + a1 + "," + a2 + "]}");
        assertThat(everything.statusCode()).isEqualTo(400);
        assertThat(problem(everything).get("detail").asString()).contains("at least one post must stay");
    }

    @Test
    void repliesInACaseAndMovesItOnAfterSending() {
        long caseId = caseOf(post("r1", "@carla", "@shop kan ik ruilen?", null, null));

        HttpResponse<String> sent = api.postJson("/api/v1/cases/" + caseId + "/replies", token,
                "{\"text\":\"Zeker, binnen 30 dagen. ^AV\",\"status\":\"pending-customer\"}");

        assertThat(sent.statusCode()).isEqualTo(201);
        Case after = cases.get(caseId);
        assertThat(after.status()).isEqualTo(CaseStatus.PENDING_CUSTOMER);
        assertThat(after.firstAgentReplyAt()).isNotNull();
        assertThat(cases.view(caseId).orElseThrow().replies()).extracting(Reply::text).containsExactly("Zeker, binnen 30 dagen. ^AV");
    }

    @Test
    void unknownCasesAre404AndAnonymousCallersAreRefused() {
        assertThat(api.get("/api/v1/cases/987654321", token).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/cases", null).statusCode()).isEqualTo(401);
    }

    @Test
    void listsMyCasesMostUrgentFirst() {
        long calm = caseOf(post("o1", "@dirk", "@shop vraagje over levertijd", null, null));
        long urgent = caseOf(post("o2", "@eva", "@shop ik wil mijn abonnement opzeggen, nu!", null, null));
        api.postJson("/api/v1/cases/" + calm + "/claim", token, "{}");
        api.postJson("/api/v1/cases/" + urgent + "/claim", token, "{}");

        JsonNode mine = json(api.get("/api/v1/cases?assignee=me", token));

        assertThat(mine.findValues("id").stream().map(JsonNode::asLong).toList()).containsExactly(urgent, calm);
    }

    private long post(String externalId, String handle, String text, String inReplyTo, Long followers) {
        return intake.accept(new InboundPost(channel, externalId, handle, null, text, Visibility.PUBLIC,
                Instant.now().truncatedTo(ChronoUnit.SECONDS), inReplyTo, followers, false, brand.handles(), "api", null)).postId();
    }

    private long caseOf(long postId) {
        return cases.caseOf(postId).orElseThrow().id();
    }

    private HttpResponse<String> status(long caseId, String status, String reason) {
        return api.postJson("/api/v1/cases/" + caseId + "/status", token,
                "{\"status\":\"" + status + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}");
    }

    private HttpResponse<String> put(String path, String body) {
        return api.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static JsonNode problem(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }
}
