package org.webcare.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.webcare.support.WebSession;
import tools.jackson.databind.JsonNode;

/** A brand's survey settings over REST and on the settings page. */
class SurveySettingsIntegrationTests extends SurveyTest {

    @Test
    void defaultsUntilChangedThenKeptFieldByField() {
        JsonNode defaults = json(api.get("/api/v1/brands/" + brand.id() + "/survey-settings", leadToken));
        assertThat(defaults.get("enabled").asBoolean()).isFalse();
        assertThat(defaults.get("kind").asString()).isEqualTo("csat");
        assertThat(defaults.get("askBy").asString()).isEqualTo("page");
        assertThat(defaults.get("delay").asString()).isEqualTo("PT1H");
        assertThat(defaults.get("customerInterval").asString()).isEqualTo("P30D");

        JsonNode saved = json(put("/api/v1/brands/" + brand.id() + "/survey-settings", leadToken,
                "{\"enabled\":true,\"kind\":\"nps\",\"askBy\":\"in-channel\",\"delay\":\"PT2H\",\"questionNl\":\"Zou je ons aanraden?\"}"));
        assertThat(saved.get("enabled").asBoolean()).isTrue();
        assertThat(saved.get("kind").asString()).isEqualTo("nps");
        assertThat(saved.get("askBy").asString()).isEqualTo("in-channel");
        assertThat(saved.get("delay").asString()).isEqualTo("PT2H");
        assertThat(saved.get("questionNl").asString()).isEqualTo("Zou je ons aanraden?");

        JsonNode kept = json(put("/api/v1/brands/" + brand.id() + "/survey-settings", leadToken, "{\"customerInterval\":\"P7D\"}"));
        assertThat(kept.get("kind").asString()).isEqualTo("nps");
        assertThat(kept.get("customerInterval").asString()).isEqualTo("P7D");
    }

    @Test
    void badValuesAreRefusedNamingTheFieldAndChangeNothing() {
        var response = put("/api/v1/brands/" + brand.id() + "/survey-settings", leadToken, "{\"enabled\":true,\"delay\":\"an hour\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json400(response).get("field").asString()).isEqualTo("delay");
        assertThat(response.body()).contains("an hour");
        assertThat(put("/api/v1/brands/" + brand.id() + "/survey-settings", leadToken, "{\"kind\":\"stars\"}").body()).contains("kind: must be one of csat, ces, nps");
        assertThat(put("/api/v1/brands/" + brand.id() + "/survey-settings", leadToken, "{\"colour\":\"red\"}").body()).contains("colour: unknown field");
        assertThat(put("/api/v1/brands/999999999/survey-settings", leadToken, "{}").statusCode()).isEqualTo(404);
        assertThat(settings.of(brand.id()).enabled()).isFalse();
    }

    @Test
    void theLeadTurnsSurveysOnInTheSettingsForm() {
        WebSession session = WebSession.signIn(baseUrl(), lead.email(), PASSWORD);
        String page = session.get("/surveys?brand=" + brand.id()).body();
        assertThat(page).contains("id=\"survey-settings\"").contains("Hoe tevreden ben je over onze hulp?");

        var saved = session.post("/surveys/" + brand.id(), Map.of("enabled", "true", "kind", "ces", "askBy", "page",
                "delay", "PT45M", "customerInterval", "P14D", "questionNl", "", "questionEn", "How easy was it?"));
        assertThat(saved.statusCode()).isEqualTo(302);
        SurveySettings now = settings.of(brand.id());
        assertThat(now.enabled()).isTrue();
        assertThat(now.kind()).isEqualTo(SurveyKind.CES);
        assertThat(now.delay()).isEqualTo(java.time.Duration.ofMinutes(45));
        assertThat(now.questionNl()).isNull();
        assertThat(now.questionEn()).isEqualTo("How easy was it?");

        var refused = session.post("/surveys/" + brand.id(), Map.of("kind", "ces", "askBy", "page", "delay", "soon",
                "customerInterval", "P14D"));
        assertThat(refused.body()).contains("delay: must be an ISO duration");
        assertThat(settings.of(brand.id()).enabled()).as("unchanged").isTrue();
    }

    private static JsonNode json400(java.net.http.HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
