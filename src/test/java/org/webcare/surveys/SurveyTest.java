package org.webcare.surveys;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Actor;
import org.webcare.cases.CaseStatus;
import org.webcare.cases.Cases;
import org.webcare.cases.Replies;
import org.webcare.channel.Brand;
import org.webcare.channel.ChannelType;
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.support.ApiClient;
import org.webcare.support.CallbackReceiver;
import org.webcare.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the survey tests: a brand with an API channel whose replies reach a {@link CallbackReceiver} (the platform's
 * side), an agent and a team lead. Invitations are sent when a test calls {@link Invitations#sendDue} with its own
 * "now", so the delay after resolution is passed without waiting.
 */
abstract class SurveyTest extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "correct horse battery";

    @Autowired
    Intake intake;

    @Autowired
    Cases cases;

    @Autowired
    Replies replies;

    @Autowired
    Invitations invitations;

    @Autowired
    Surveys surveys;

    @Autowired
    SurveySettingsStore settings;

    CallbackReceiver platform;
    ApiClient api;
    WebcareUser agent;
    WebcareUser lead;
    String agentToken;
    String leadToken;
    Brand brand;
    long channel;

    @BeforeEach
    void brandChannelAndTeam() {
        api = new ApiClient(baseUrl());
        agent = users.create(unique("agent") + "@example.org", "Anne de Vries", PASSWORD, Role.AGENT);
        lead = users.create(unique("lead") + "@example.org", "Lotte Lead", PASSWORD, Role.TEAM_LEAD);
        agentToken = tokenFor(agent);
        leadToken = tokenFor(lead);
        platform = new CallbackReceiver();
        brand = channels.createBrand(unique("Brand"), List.of("@shop"));
        var created = channels.createChannel(brand.id(), ChannelType.API, "Chat", platform.url(), true);
        platform.expectingSignatureWith(created.secret());
        channel = created.channel().id();
    }

    @AfterEach
    void closePlatform() {
        platform.close();
    }

    void surveysOn(Map<String, Object> fields) {
        var all = new java.util.HashMap<String, Object>(fields);
        all.put("enabled", true);
        settings.save(brand.id(), all, "test");
    }

    long post(String handle, String text) {
        return post(handle, text, Instant.now());
    }

    long post(String handle, String text, Instant at) {
        return intake.accept(new InboundPost(channel, unique("p"), handle, null, text, Visibility.PRIVATE,
                at.truncatedTo(ChronoUnit.SECONDS), null, null, true, brand.handles(), "api", null, null)).postId();
    }

    long caseOf(long postId) {
        return cases.caseOf(postId).orElseThrow().id();
    }

    /** The agent answers the customer's post and resolves its case; returns the case. */
    long answeredAndResolved(long postId) {
        long caseId = caseOf(postId);
        replies.send(postId, "Opgelost! / Solved!", Visibility.PRIVATE, agent.id(), agent.displayName());
        cases.changeStatus(caseId, CaseStatus.RESOLVED, Actor.user(agent.id(), agent.displayName()), "solved");
        return caseId;
    }

    Survey surveyOf(long caseId) {
        return surveys.ofCase(caseId).orElseThrow(() -> new AssertionError("case " + caseId + " has no survey"));
    }

    /** The replies the case got from the brand itself (the invitations), not the agent's. */
    List<org.webcare.cases.Reply> invitationsOf(long caseId) {
        return cases.view(caseId).orElseThrow().replies().stream().filter(r -> r.authorUserId() == null).toList();
    }

    HttpResponse<String> put(String path, String token, String json) {
        return api.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static JsonNode json(HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new AssertionError(response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    static Instant later(java.time.Duration after) {
        return Instant.now().plus(after);
    }
}
