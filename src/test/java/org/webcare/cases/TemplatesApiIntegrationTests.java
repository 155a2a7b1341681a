package org.webcare.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.webcare.channel.ChannelType;
import org.webcare.channel.NewChannel;
import org.webcare.support.ApiClient;
import org.webcare.support.IntegrationTest;

/** The reply templates' REST API, over HTTP with a bearer token. */
class TemplatesApiIntegrationTests extends IntegrationTest {

    @Test
    void createsSearchesRendersAndRemovesTemplates() {
        String token = tokenFor(anAdmin("a-long-admin-password"));
        String agentToken = tokenFor(anAgent("a-long-agent-password"));
        ApiClient api = new ApiClient(baseUrl());
        var brand = channels.createBrand(unique("Telecom"));
        NewChannel channel = channels.createChannel(brand.id(), ChannelType.API, "Twitter", "http://127.0.0.1:9/x", true);
        String externalId = unique("tweet");
        api.deliverPost(channel.channel().id(), channel.secret(), ApiClient.aPost(externalId, "Internet ligt eruit"));
        long postId = jdbc.sql("select id from post where channel_id = ? and external_id = ?")
                .params(channel.channel().id(), externalId).query(Long.class).single();

        var refused = api.postJson("/api/v1/brands/" + brand.id() + "/templates", token,
                "{\"name\":\"Storing\",\"text\":\"Hoi {{klant}}\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"field\":\"text\"").contains("{{klant}}");

        var created = api.postJson("/api/v1/brands/" + brand.id() + "/templates", token,
                "{\"name\":\"Storing Één\",\"text\":\"Hoi {{customer.name}}, we kijken ernaar. ^{{agent.initials}}\",\"language\":\"nl\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        long id = Long.parseLong(created.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/templates/" + id);
        assertThat(api.postJson("/api/v1/brands/" + brand.id() + "/templates", agentToken,
                "{\"name\":\"Ander\",\"text\":\"Hoi\"}").statusCode()).as("agents do not add templates").isEqualTo(403);
        assertThat(delete(api, id, agentToken)).as("agents do not remove templates").isEqualTo(403);

        var found = api.get("/api/v1/brands/" + brand.id() + "/templates?q=een", token);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("\"name\":\"Storing Één\"").contains("\"language\":\"nl\"");
        assertThat(api.get("/api/v1/brands/" + brand.id() + "/templates?q=factuur", token).body()).isEqualTo("[]");

        var rendered = api.get("/api/v1/templates/" + id + "/render?post=" + postId, agentToken);
        assertThat(rendered.statusCode()).isEqualTo(200);
        assertThat(rendered.body()).isEqualTo("{\"text\":\"Hoi Kees Klant, we kijken ernaar. ^AV\"}");
        assertThat(api.get("/api/v1/templates/" + id + "/render?post=" + postId, token).body())
                .isEqualTo("{\"text\":\"Hoi Kees Klant, we kijken ernaar. ^BA\"}");
        assertThat(api.get("/api/v1/templates/" + id + "/render?post=-1", token).body()).contains("\"field\":\"post\"");

        assertThat(api.get("/api/v1/brands/" + brand.id() + "/templates", null).statusCode()).isEqualTo(401);
        assertThat(delete(api, id, token)).isEqualTo(204);
        assertThat(delete(api, id, token)).isEqualTo(404);
        assertThat(api.get("/api/v1/brands/-1/templates", token).statusCode()).isEqualTo(404);
    }

    private int delete(ApiClient api, long id, String token) {
        return api.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/templates/" + id))
                .header("Authorization", "Bearer " + token).DELETE().build()).statusCode();
    }
}
