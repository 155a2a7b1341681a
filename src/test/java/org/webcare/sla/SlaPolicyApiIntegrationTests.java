package org.webcare.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Team leads manage SLA policies; agents read them; bad input is refused naming the field; the first match applies. */
class SlaPolicyApiIntegrationTests extends SlaTest {

    @Test
    void onlyTeamLeadsChangePoliciesAndEveryoneSignedInReadsThem() {
        String body = "{\"brandId\":" + brand.id() + ",\"name\":\"VIP\",\"targets\":{\"firstResponse\":\"PT1H\"}}";
        assertThat(api.postJson("/api/v1/sla/policies", agentToken, body).statusCode()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/sla/policies", null, body).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/sla/notifications", null).statusCode()).isEqualTo(401);

        JsonNode created = policy(body);
        long id = created.get("id").asLong();
        assertThat(created.get("targets").get("firstResponse").asString()).isEqualTo("PT1H");
        assertThat(created.get("pauseOnCustomer").asBoolean()).isTrue();
        assertThat(json(api.get("/api/v1/sla/policies?brand=" + brand.id(), agentToken)).valueStream()
                .map(p -> p.get("name").asString())).containsExactly("VIP");

        assertThat(api.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/sla/policies/" + id))
                .header("Authorization", "Bearer " + agentToken).DELETE().build()).statusCode()).isEqualTo(403);
        assertThat(api.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/sla/policies/" + id))
                .header("Authorization", "Bearer " + leadToken).DELETE().build()).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/sla/policies/" + id, agentToken).statusCode()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        var noDuration = api.postJson("/api/v1/sla/policies", leadToken,
                "{\"brandId\":" + brand.id() + ",\"name\":\"X\",\"targets\":{\"firstResponse\":\"four hours\"}}");
        assertThat(noDuration.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(noDuration.body());
        assertThat(problem.get("field").asString()).isEqualTo("targets.firstResponse");
        assertThat(problem.get("detail").asString()).contains("must be a positive duration like PT4H");

        var badWebhook = api.postJson("/api/v1/sla/policies", leadToken, "{\"brandId\":" + brand.id()
                + ",\"name\":\"X\",\"targets\":{\"firstResponse\":\"PT4H\"},\"notifyWebhook\":\"ftp://x\",\"intents\":[\"complaint\"]}");
        assertThat(JSON.readTree(badWebhook.body()).get("field").asString()).isEqualTo("notifyWebhook");
        var badIntent = api.postJson("/api/v1/sla/policies", leadToken, "{\"brandId\":" + brand.id()
                + ",\"name\":\"X\",\"targets\":{\"firstResponse\":\"PT4H\"},\"intents\":[\"<script>\"]}");
        assertThat(JSON.readTree(badIntent.body()).get("field").asString()).isEqualTo("intents");
    }

    @Test
    void theFirstMatchingPolicyInOrderSetsTheCasesTargets() {
        long otherChannel = channels.createChannel(brand.id(), org.webcare.channel.ChannelType.API, "Other", "http://127.0.0.1:9/y", true)
                .channel().id();
        policy("{\"brandId\":" + brand.id() + ",\"name\":\"Other channel\",\"position\":1,\"channelId\":" + otherChannel
                + ",\"targets\":{\"firstResponse\":\"PT30M\"}}");
        policy("{\"brandId\":" + brand.id() + ",\"name\":\"Klachten\",\"position\":2,\"intents\":[\"complaint\"],"
                + "\"targets\":{\"firstResponse\":\"PT2H\",\"resolution\":\"PT8H\"}}");
        policy("{\"brandId\":" + brand.id() + ",\"name\":\"Rest\",\"position\":3,\"targets\":{\"firstResponse\":\"PT6H\"}}");
        long caseId = caseOf(post("@nina", "@shop Ik ben echt ontevreden over jullie slechte service, dit is belachelijk", Instant.now()));

        JsonNode sla = json(api.get("/api/v1/cases/" + caseId + "/sla", agentToken));
        assertThat(sla.get("policyName").asString()).isEqualTo("Klachten");
        assertThat(clock(caseId, ClockKind.FIRST_RESPONSE, 0).targetSeconds()).isEqualTo(Duration.ofHours(2).toSeconds());
        assertThat(clock(caseId, ClockKind.RESOLUTION, 0).targetSeconds()).isEqualTo(Duration.ofHours(8).toSeconds());

        long quiet = caseOf(post("@olaf", "@shop hoe laat gaan jullie open?", Instant.now()));
        assertThat(clock(quiet, ClockKind.FIRST_RESPONSE, 0).targetSeconds()).isEqualTo(Duration.ofHours(6).toSeconds());
        assertThat(clocks.of(quiet)).noneMatch(c -> c.kind() == ClockKind.RESOLUTION);
    }

    @Test
    void aPolicyCountsOnABusinessCalendarOfItsOwnBrandOnly() {
        var other = channels.createBrand(unique("Other"));
        long foreign = calendars.create(other.id(), "Elders", org.webcare.calendar.CalendarDefinition.parse(
                "{\"timeZone\":\"Europe/Amsterdam\",\"hours\":{},\"holidays\":{\"dates\":[],\"dutch\":[]}}")).id();

        var refused = api.postJson("/api/v1/sla/policies", leadToken, "{\"brandId\":" + brand.id() + ",\"name\":\"X\",\"calendarId\":"
                + foreign + ",\"targets\":{\"firstResponse\":\"PT4H\"}}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"calendarId\"");
        assertThat(policy("{\"brandId\":" + brand.id() + ",\"name\":\"Kantoortijd\",\"calendarId\":" + officeHours
                + ",\"targets\":{\"firstResponse\":\"PT4H\"}}").get("calendarId").asLong()).isEqualTo(officeHours);
    }
}
