package org.webcare.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.channel.NewChannel;
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.support.ApiClient;
import org.webcare.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reply approval over REST with bearer tokens: what agents and team leads may do, and what each call answers. */
class ApprovalApiIntegrationTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-enough-password";

    @Autowired
    Intake intake;

    @Autowired
    Cases cases;

    @Autowired
    ObjectMapper json;

    private ApiClient api;

    @Test
    void aHeldReplyIsAcceptedWith202AndTheLeadApprovesItWithAnEdit() {
        api = new ApiClient(baseUrl());
        WebcareUser agent = anAgent(PASSWORD);
        String agentToken = tokenFor(agent);
        String leadToken = tokenFor(aLead());
        long caseId = aCase();
        long brandId = cases.get(caseId).brandId();
        assertThat(api.postJson("/api/v1/approval-policies", leadToken,
                "{\"brandId\":" + brandId + ",\"kind\":\"public\"}").statusCode()).isEqualTo(201);

        HttpResponse<String> sent = api.postJson("/api/v1/cases/" + caseId + "/replies", agentToken,
                "{\"text\":\"We sturen u een DM.\",\"status\":\"pending-customer\"}");

        assertThat(sent.statusCode()).isEqualTo(202);
        JsonNode held = json.readTree(sent.body());
        long replyId = held.get("id").asLong();
        assertThat(sent.headers().firstValue("Location")).hasValue("/api/v1/replies/" + replyId);
        assertThat(held.get("state").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(held.get("delivery").isNull()).isTrue();
        assertThat(held.at("/approval/reason").asString()).isEqualTo("brand policy: public replies");
        assertThat(cases.get(caseId).status()).as("the status waits for the reply").isEqualTo(CaseStatus.NEW);

        JsonNode queue = json.readTree(api.get("/api/v1/approvals", leadToken).body());
        JsonNode mine = stream(queue).filter(r -> r.at("/reply/id").asLong() == replyId).findFirst().orElseThrow();
        assertThat(mine.get("caseId").asLong()).isEqualTo(caseId);
        assertThat(mine.at("/post/text").asString()).isEqualTo("Mijn pakket is kwijt, kunnen jullie helpen?");

        HttpResponse<String> approved = api.postJson("/api/v1/replies/" + replyId + "/approve", leadToken,
                "{\"text\":\"We sturen u een DM met de volgende stap.\"}");
        assertThat(approved.statusCode()).isEqualTo(200);
        JsonNode queued = json.readTree(approved.body());
        assertThat(queued.get("state").asString()).isEqualTo("QUEUED");
        assertThat(queued.get("text").asString()).isEqualTo("We sturen u een DM met de volgende stap.");
        assertThat(queued.at("/delivery/state").asString()).isIn("QUEUED", "RETRYING", "FAILED");

        HttpResponse<String> again = api.postJson("/api/v1/replies/" + replyId + "/approve", leadToken, "{}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("is not awaiting approval");
    }

    @Test
    void agentsMayNotApproveReturnOrSeeTheQueueAndPolicies() {
        api = new ApiClient(baseUrl());
        WebcareUser agent = anAgent(PASSWORD);
        String agentToken = tokenFor(agent);
        String leadToken = tokenFor(aLead());
        long caseId = aCase();
        api.postJson("/api/v1/approval-policies", leadToken, "{\"brandId\":" + cases.get(caseId).brandId() + ",\"kind\":\"all\"}");
        long replyId = json.readTree(api.postJson("/api/v1/cases/" + caseId + "/replies", agentToken,
                "{\"text\":\"Dank voor uw bericht.\"}").body()).get("id").asLong();

        assertThat(api.postJson("/api/v1/replies/" + replyId + "/approve", agentToken, "{}").statusCode()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/replies/" + replyId + "/return", agentToken, "{\"comment\":\"nee\"}").statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/approvals", agentToken).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/approval-policies", agentToken).statusCode()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/approval-policies", agentToken, "{\"userId\":" + agent.id() + ",\"kind\":\"all\"}").statusCode())
                .isEqualTo(403);
        assertThat(json.readTree(api.get("/api/v1/replies/" + replyId, agentToken).body()).get("state").asString())
                .isEqualTo("AWAITING_APPROVAL");
        assertThat(api.postJson("/api/v1/replies/" + replyId + "/approve", null, "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void theAuthorEditsAReturnedReplyAndResubmitsItOrDiscardsIt() {
        api = new ApiClient(baseUrl());
        WebcareUser agent = anAgent(PASSWORD);
        String agentToken = tokenFor(agent);
        String colleagueToken = tokenFor(anAgent(PASSWORD));
        String leadToken = tokenFor(aLead());
        long caseId = aCase();
        api.postJson("/api/v1/approval-policies", leadToken, "{\"userId\":" + agent.id() + ",\"kind\":\"all\"}");
        long replyId = json.readTree(api.postJson("/api/v1/cases/" + caseId + "/replies", agentToken,
                "{\"text\":\"Hoi, komt goed joh.\"}").body()).get("id").asLong();

        HttpResponse<String> noComment = api.postJson("/api/v1/replies/" + replyId + "/return", leadToken, "{}");
        assertThat(noComment.statusCode()).isEqualTo(400);
        assertThat(noComment.body()).contains("\"field\":\"comment\"");
        HttpResponse<String> returned = api.postJson("/api/v1/replies/" + replyId + "/return", leadToken,
                "{\"comment\":\"Graag formeel en met excuses.\"}");
        assertThat(returned.statusCode()).isEqualTo(200);
        assertThat(json.readTree(returned.body()).get("state").asString()).isEqualTo("RETURNED");
        assertThat(json.readTree(returned.body()).at("/approval/comment").asString()).isEqualTo("Graag formeel en met excuses.");

        assertThat(put(replyId, colleagueToken, "{\"text\":\"Excuses.\"}").statusCode()).as("a colleague's reply").isEqualTo(403);
        HttpResponse<String> withPhone = put(replyId, agentToken, "{\"text\":\"Excuses, bel 06-12345678.\"}");
        assertThat(withPhone.statusCode()).isEqualTo(400);
        assertThat(withPhone.body()).contains("\"field\":\"text\"").contains("phone number");
        HttpResponse<String> resubmitted = put(replyId, agentToken, "{\"text\":\"Excuses voor het ongemak, wij lossen het op.\"}");
        assertThat(resubmitted.statusCode()).isEqualTo(200);
        assertThat(json.readTree(resubmitted.body()).get("state").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(delete(replyId, agentToken)).as("only returned replies are discarded").isEqualTo(409);

        api.postJson("/api/v1/replies/" + replyId + "/return", leadToken, "{\"comment\":\"Laat maar, ik bel zelf.\"}");
        assertThat(delete(replyId, colleagueToken)).isEqualTo(403);
        assertThat(delete(replyId, agentToken)).isEqualTo(204);
        assertThat(json.readTree(api.get("/api/v1/replies/" + replyId, agentToken).body()).get("state").asString()).isEqualTo("DISCARDED");
        assertThat(json.readTree(api.get("/api/v1/cases/" + caseId, agentToken).body()).get("replies").size()).isZero();
        assertThat(stream(json.readTree(api.get("/api/v1/cases/" + caseId + "/events", agentToken).body()))
                .map(e -> e.get("kind").asString()).toList())
                .containsSubsequence("approval-requested", "returned", "approval-requested", "returned", "discarded");
        assertThat(delete(-1, agentToken)).isEqualTo(404);
    }

    @Test
    void teamLeadsManagePoliciesAndBadInputNamesTheField() {
        api = new ApiClient(baseUrl());
        String leadToken = tokenFor(aLead());
        WebcareUser agent = anAgent(PASSWORD);
        long brandId = channels.createBrand(unique("Brand")).id();

        HttpResponse<String> created = api.postJson("/api/v1/approval-policies", leadToken,
                "{\"brandId\":" + brandId + ",\"kind\":\"priority\",\"priority\":2}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode policy = json.readTree(created.body());
        long id = policy.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/approval-policies/" + id);
        assertThat(policy.get("kind").asString()).isEqualTo("PRIORITY");
        assertThat(policy.get("priority").asInt()).isEqualTo(2);
        assertThat(api.postJson("/api/v1/approval-policies", leadToken,
                "{\"brandId\":" + brandId + ",\"kind\":\"priority\",\"priority\":2}").statusCode()).as("the same policy twice").isEqualTo(409);

        assertThat(field(api.postJson("/api/v1/approval-policies", leadToken, "{\"brandId\":" + brandId + ",\"kind\":\"some\"}"))).isEqualTo("kind");
        assertThat(field(api.postJson("/api/v1/approval-policies", leadToken, "{\"brandId\":" + brandId + ",\"kind\":\"priority\"}"))).isEqualTo("priority");
        assertThat(field(api.postJson("/api/v1/approval-policies", leadToken, "{\"brandId\":" + brandId + ",\"kind\":\"all\",\"priority\":1}"))).isEqualTo("priority");
        assertThat(field(api.postJson("/api/v1/approval-policies", leadToken, "{\"kind\":\"all\"}"))).isEqualTo("brandId");
        assertThat(field(api.postJson("/api/v1/approval-policies", leadToken,
                "{\"brandId\":" + brandId + ",\"userId\":" + agent.id() + ",\"kind\":\"all\"}"))).isEqualTo("brandId");
        assertThat(field(api.postJson("/api/v1/approval-policies", leadToken, "{\"userId\":-5,\"kind\":\"all\"}"))).isEqualTo("userId");

        HttpResponse<String> changed = api.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/approval-policies/" + id))
                .header("Authorization", "Bearer " + leadToken).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"userId\":" + agent.id() + ",\"kind\":\"public\"}")).build());
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(changed.body()).get("userName").asString()).isEqualTo(agent.displayName());
        assertThat(json.readTree(changed.body()).get("brandId").isNull()).isTrue();
        assertThat(api.get("/api/v1/approval-policies", leadToken).body()).contains("\"id\":" + id);

        assertThat(deletePolicy(id, leadToken)).isEqualTo(204);
        assertThat(deletePolicy(id, leadToken)).isEqualTo(404);
        assertThat(api.get("/api/v1/approval-policies/" + id, leadToken).statusCode()).isEqualTo(404);
    }

    private long aCase() {
        NewChannel channel = anApiChannel("http://127.0.0.1:9/x");
        long postId = intake.accept(new InboundPost(channel.channel().id(), unique("p"), unique("@klant"), "Kees Klant",
                "Mijn pakket is kwijt, kunnen jullie helpen?", Visibility.PUBLIC, Instant.now(), null, null, true, List.of())).postId();
        return cases.caseOf(postId).orElseThrow().id();
    }

    private WebcareUser aLead() {
        return users.create(unique("lead") + "@example.org", "Bram de Leider", PASSWORD, Role.TEAM_LEAD);
    }

    private HttpResponse<String> put(long replyId, String token, String body) {
        return api.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/replies/" + replyId))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private int delete(long replyId, String token) {
        return api.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/replies/" + replyId))
                .header("Authorization", "Bearer " + token).DELETE().build()).statusCode();
    }

    private int deletePolicy(long id, String token) {
        return api.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/approval-policies/" + id))
                .header("Authorization", "Bearer " + token).DELETE().build()).statusCode();
    }

    private String field(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return json.readTree(response.body()).get("field").asString();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
