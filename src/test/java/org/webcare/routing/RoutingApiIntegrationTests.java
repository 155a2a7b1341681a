package org.webcare.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.webcare.cases.Case;
import org.webcare.identity.WebcareUser;
import org.webcare.support.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Routing's REST API over HTTP with bearer tokens: the rule tester, queues and rules, agents, who may do what. */
class RoutingApiIntegrationTests extends RoutingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theTesterExplainsWhichRuleMatchedWhyEarlierOnesDidNotAndWhoWouldGetTheCase() {
        String lead = tokenFor(aTeamLead());
        WebcareUser anne = anAvailableAgent();
        ApiClient api = new ApiClient(baseUrl());
        long english = id(api.postJson("/api/v1/routing/queues", lead, """
                {"brandId":%d,"name":"English","strategy":"manual"}""".formatted(brand.id())));
        long complaints = id(api.postJson("/api/v1/routing/queues", lead, """
                {"brandId":%d,"name":"Klachten","team":"Team Noord","strategy":"round-robin","memberIds":[%d]}"""
                .formatted(brand.id(), anne.id())));
        api.postJson("/api/v1/routing/rules", lead, """
                {"brandId":%d,"name":"Engelstalig","queueId":%d,"languages":["en"]}""".formatted(brand.id(), english));
        api.postJson("/api/v1/routing/rules", lead, """
                {"brandId":%d,"name":"Boze klanten","queueId":%d,"intents":["complaint"],"sentiment":"negative"}"""
                .formatted(brand.id(), complaints));
        long postsBefore = postsOnChannel();

        HttpResponse<String> tested = api.postJson("/api/v1/routing/test", lead, """
                {"channelId":%d,"text":%s}""".formatted(channel.id(), ApiClient.quote(DUTCH_COMPLAINT)));

        assertThat(tested.statusCode()).isEqualTo(200);
        JsonNode trial = JSON.readTree(tested.body());
        assertThat(trial.path("language").asString()).isEqualTo("nl");
        assertThat(trial.path("rule").path("name").asString()).isEqualTo("Boze klanten");
        assertThat(trial.path("queue").path("name").asString()).isEqualTo("Klachten");
        assertThat(trial.path("assignee").path("userId").asLong()).isEqualTo(anne.id());
        JsonNode notMatched = trial.path("verdicts").get(0);
        assertThat(notMatched.path("matched").asBoolean()).isFalse();
        assertThat(notMatched.path("checks").get(0).path("condition").asString()).isEqualTo("language");
        assertThat(notMatched.path("checks").get(0).path("expected").asString()).isEqualTo("en");
        assertThat(notMatched.path("checks").get(0).path("actual").asString()).isEqualTo("nl");
        assertThat(trial.path("verdicts").get(1).path("matched").asBoolean()).isTrue();
        assertThat(postsOnChannel()).as("nothing stored").isEqualTo(postsBefore);

        // The tester moves no turn: a real case still goes to the member whose turn it is.
        Case real = aCaseSaying(DUTCH_COMPLAINT);
        assertThat(current(real).assigneeId()).isEqualTo(anne.id());
        assertThat(api.get("/api/v1/cases/" + real.id() + "/routing", lead).body())
                .contains("\"queueName\":\"Klachten\"").contains("\"ruleName\":\"Boze klanten\"");
    }

    @Test
    void theTesterNamesTheFieldOfABadSample() {
        String agent = tokenFor(anAgent(PASSWORD));
        ApiClient api = new ApiClient(baseUrl());

        HttpResponse<String> noChannel = api.postJson("/api/v1/routing/test", agent, "{\"text\":\"Hallo\"}");
        HttpResponse<String> noText = api.postJson("/api/v1/routing/test", agent,
                "{\"channelId\":%d,\"text\":\"   \"}".formatted(channel.id()));

        assertThat(noChannel.statusCode()).isEqualTo(400);
        assertThat(noChannel.body()).contains("\"field\":\"channelId\"");
        assertThat(noText.statusCode()).isEqualTo(400);
        assertThat(noText.body()).contains("\"field\":\"text\"");
    }

    @Test
    void agentsMaySetOnlyTheirOwnStatusAndCannotChangeRouting() {
        WebcareUser agent = anAgent(PASSWORD);
        WebcareUser colleague = anAgent(PASSWORD);
        String token = tokenFor(agent);
        ApiClient api = new ApiClient(baseUrl());
        Queue queue = aQueue("Algemeen", Strategy.MANUAL);

        assertThat(api.postJson("/api/v1/routing/rules", token, """
                {"brandId":%d,"name":"Alles","queueId":%d}""".formatted(brand.id(), queue.id())).statusCode()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/routing/queues", token, """
                {"brandId":%d,"name":"Eigen rij"}""".formatted(brand.id())).statusCode()).isEqualTo(403);
        assertThat(put(api, "/api/v1/routing/queues/" + queue.id() + "/members", token, "{\"userIds\":[" + agent.id() + "]}"))
                .isEqualTo(403);
        assertThat(put(api, "/api/v1/agents/" + agent.id() + "/settings", token, "{\"capacity\":100}")).isEqualTo(403);
        assertThat(put(api, "/api/v1/agents/" + colleague.id() + "/status", token, "{\"status\":\"away\"}")).isEqualTo(403);
        assertThat(rules.ofBrand(brand.id())).isEmpty();
        assertThat(agents.get(colleague.id()).status()).isEqualTo(AgentStatus.OFFLINE);

        assertThat(put(api, "/api/v1/agents/me/status", token, "{\"status\":\"available\"}")).isEqualTo(200);
        assertThat(agents.get(agent.id()).status()).isEqualTo(AgentStatus.AVAILABLE);
        assertThat(put(api, "/api/v1/agents/" + agent.id() + "/status", token, "{\"status\":\"away\"}")).isEqualTo(200);
        assertThat(agents.get(agent.id()).status()).isEqualTo(AgentStatus.AWAY);
        assertThat(put(api, "/api/v1/agents/me/status", token, "{\"status\":\"busy\"}")).isEqualTo(400);
        assertThat(api.get("/api/v1/routing/queues?brand=" + brand.id(), token).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/routing/queues", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aTeamLeadManagesQueuesRulesTheirOrderAndAgentsOverRest() {
        String lead = tokenFor(aTeamLead());
        WebcareUser anne = anAgent(PASSWORD);
        ApiClient api = new ApiClient(baseUrl());
        long general = id(api.postJson("/api/v1/routing/queues", lead, """
                {"brandId":%d,"name":"Algemeen","isDefault":true}""".formatted(brand.id())));
        long vip = id(api.postJson("/api/v1/routing/queues", lead, """
                {"brandId":%d,"name":"VIP","strategy":"load-balanced"}""".formatted(brand.id())));
        HttpResponse<String> duplicate = api.postJson("/api/v1/routing/queues", lead, """
                {"brandId":%d,"name":"algemeen"}""".formatted(brand.id()));
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(duplicate.body()).contains("\"field\":\"name\"");
        assertThat(api.postJson("/api/v1/routing/queues/" + vip + "/members", lead, "{\"userId\":" + anne.id() + "}").body())
                .contains("\"userId\":" + anne.id());

        long first = id(api.postJson("/api/v1/routing/rules", lead, """
                {"brandId":%d,"name":"Klachten","queueId":%d,"intents":["complaint"]}""".formatted(brand.id(), general)));
        long second = id(api.postJson("/api/v1/routing/rules", lead, """
                {"brandId":%d,"name":"VIP","queueId":%d,"customerTags":["vip"],"maxPriority":4}""".formatted(brand.id(), vip)));
        HttpResponse<String> badRule = api.postJson("/api/v1/routing/rules", lead, """
                {"brandId":%d,"name":"Fout","queueId":%d,"sentiment":"woedend"}""".formatted(brand.id(), vip));
        assertThat(badRule.statusCode()).isEqualTo(400);
        assertThat(badRule.body()).contains("\"field\":\"sentiment\"");

        assertThat(put(api, "/api/v1/routing/rules/order", lead, "{\"brandId\":%d,\"ruleIds\":[%d]}".formatted(brand.id(), second)))
                .as("every rule once").isEqualTo(400);
        assertThat(put(api, "/api/v1/routing/rules/order", lead, "{\"brandId\":%d,\"ruleIds\":[%d,%d]}".formatted(brand.id(), second, first)))
                .isEqualTo(200);
        assertThat(rules.ofBrand(brand.id())).extracting(RoutingRule::name).containsExactly("VIP", "Klachten");
        assertThat(delete(api, "/api/v1/routing/queues/" + vip, lead)).as("a rule sends cases there").isEqualTo(409);
        assertThat(delete(api, "/api/v1/routing/rules/" + second, lead)).isEqualTo(204);
        assertThat(delete(api, "/api/v1/routing/queues/" + vip, lead)).isEqualTo(204);

        assertThat(put(api, "/api/v1/agents/" + anne.id() + "/settings", lead,
                "{\"capacity\":3,\"languages\":[\"nl\",\"EN\"],\"topics\":[\"Storing\"]}")).isEqualTo(200);
        JsonNode anneNow = JSON.readTree(api.get("/api/v1/agents/" + anne.id(), lead).body());
        assertThat(anneNow.path("capacity").asInt()).isEqualTo(3);
        assertThat(anneNow.path("languages").toString()).isEqualTo("[\"nl\",\"en\"]");
        assertThat(anneNow.path("topics").toString()).isEqualTo("[\"storing\"]");
        assertThat(put(api, "/api/v1/agents/" + anne.id() + "/settings", lead, "{\"capacity\":-1}")).isEqualTo(400);
    }

    @Test
    void customerTagsAreKeptPerBrandAndHandle() {
        String agent = tokenFor(anAgent(PASSWORD));
        ApiClient api = new ApiClient(baseUrl());

        assertThat(put(api, "/api/v1/routing/customer-tags", agent,
                "{\"brandId\":%d,\"handle\":\"@Kees\",\"tags\":[\"VIP\",\"pers\",\"vip\"]}".formatted(brand.id()))).isEqualTo(200);
        assertThat(api.get("/api/v1/routing/customer-tags?brandId=%d&handle=%%40kees".formatted(brand.id()), agent).body())
                .contains("\"tags\":[\"pers\",\"vip\"]");
        assertThat(put(api, "/api/v1/routing/customer-tags", agent,
                "{\"brandId\":%d,\"handle\":\"@Kees\",\"tags\":[\"<script>\"]}".formatted(brand.id()))).isEqualTo(400);
    }

    private long postsOnChannel() {
        return jdbc.sql("select count(*) from post where channel_id = ?").param(channel.id()).query(Long.class).single();
    }

    private static long id(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("id").asLong();
    }

    private int put(ApiClient api, String path, String token, String json) {
        return api.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build()).statusCode();
    }

    private int delete(ApiClient api, String path, String token) {
        return api.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + token)
                .DELETE().build()).statusCode();
    }
}
