package org.webcare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.webcare.support.ApiClient;
import org.webcare.support.IntegrationTest;

class SecurityIntegrationTests extends IntegrationTest {

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(baseUrl());
    }

    @Test
    void sendsPagesToTheLoginPageWithoutASession() {
        for (String page : new String[] {"/", "/inbox", "/admin", "/swagger-ui.html", "/v3/api-docs"}) {
            HttpResponse<String> response = api.get(page, null);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(page).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
    }

    @Test
    void leavesLoginAssetsAndHealthOpen() {
        assertThat(api.get("/login", null).statusCode()).isEqualTo(200);
        assertThat(api.get("/css/webcare.css", null).statusCode()).isEqualTo(200);
        assertThat(api.get("/webjars/htmx.org/dist/htmx.min.js", null).statusCode()).isEqualTo(200);
        HttpResponse<String> health = api.get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void answersUnauthorizedToTheApiWithoutAValidToken() {
        HttpResponse<String> none = api.get("/api/v1/posts", null);
        HttpResponse<String> wrong = api.get("/api/v1/posts", "wcat_not-a-real-token");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("A valid API token is required");
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void servesTheApiToAValidToken() {
        String token = tokenFor(anAgent("long-enough-password"));

        HttpResponse<String> response = api.get("/api/v1/posts?limit=5", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("[");
    }

    @Test
    void letsOnlyAdminsCreateBrands() {
        String agentToken = tokenFor(anAgent("long-enough-password"));
        String adminToken = tokenFor(anAdmin("long-enough-password"));
        String brand = "{\"name\":\"" + unique("Bakkerij") + "\"}";

        assertThat(api.postJson("/api/v1/brands", agentToken, brand).statusCode()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/brands", adminToken, brand).statusCode()).isEqualTo(201);
    }

    @Test
    void letsAnAdminTokenScrapeMetricsButNobodyElse() {
        String agentToken = tokenFor(anAgent("long-enough-password"));
        String adminToken = tokenFor(anAdmin("long-enough-password"));

        assertThat(api.get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", agentToken).statusCode()).isEqualTo(403);
        HttpResponse<String> metrics = api.get("/actuator/prometheus", adminToken);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void refusesAFormPostWithoutCsrfToken() {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=a%40b.c&password=x")).build());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void servesTheOpenApiDocumentToAToken() {
        HttpResponse<String> response = api.get("/v3/api-docs", tokenFor(anAgent("long-enough-password")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/v1/channels/{channelId}/posts").contains("/api/v1/posts/{id}/replies");
    }
}
