package org.webcare.sla;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.webcare.calendar.BusinessCalendars;
import org.webcare.calendar.CalendarDefinition;
import org.webcare.cases.Cases;
import org.webcare.channel.Brand;
import org.webcare.channel.ChannelType;
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.support.ApiClient;
import org.webcare.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the SLA integration tests: a brand with an API channel, an agent and a team lead, and a real business
 * calendar of the brand, {@code officeHours}: weekdays 09:00–17:00 in Amsterdam (the hours of {@link OfficeHours}).
 */
@Import(HeardSlaEvents.class)
abstract class SlaTest extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Intake intake;

    @Autowired
    Cases cases;

    @Autowired
    SlaClocks clocks;

    ApiClient api;
    WebcareUser agent;
    WebcareUser lead;
    String agentToken;
    String leadToken;
    Brand brand;
    long channel;
    long officeHours;

    @Autowired
    BusinessCalendars calendars;

    @BeforeEach
    void brandAndTeam() {
        api = new ApiClient(baseUrl());
        agent = anAgent("correct horse battery");
        lead = users.create(unique("lead") + "@example.org", "Lotte Lead", "correct horse battery", Role.TEAM_LEAD);
        agentToken = tokenFor(agent);
        leadToken = tokenFor(lead);
        brand = channels.createBrand(unique("Brand"), List.of("@shop"));
        channel = channels.createChannel(brand.id(), ChannelType.API, "X", "http://127.0.0.1:9/x", true).channel().id();
        String weekday = "[[\"09:00\",\"17:00\"]]";
        officeHours = calendars.create(brand.id(), "Kantoor", CalendarDefinition.parse("{\"timeZone\":\"Europe/Amsterdam\",\"hours\":{"
                + "\"MONDAY\":" + weekday + ",\"TUESDAY\":" + weekday + ",\"WEDNESDAY\":" + weekday + ",\"THURSDAY\":" + weekday
                + ",\"FRIDAY\":" + weekday + "},\"holidays\":{\"dates\":[],\"dutch\":[]}}")).id();
    }

    long post(String handle, String text, Instant at) {
        return intake.accept(new InboundPost(channel, unique("p"), handle, null, text, Visibility.PUBLIC,
                at.truncatedTo(ChronoUnit.SECONDS), null, null, false, brand.handles(), "api", null)).postId();
    }

    long caseOf(long postId) {
        return cases.caseOf(postId).orElseThrow().id();
    }

    SlaClock clock(long caseId, ClockKind kind, int turn) {
        return clocks.of(caseId).stream().filter(c -> c.kind() == kind && c.turn() == turn).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "#" + turn + " in " + clocks.of(caseId)));
    }

    JsonNode policy(String json) {
        var response = api.postJson("/api/v1/sla/policies", leadToken, json);
        if (response.statusCode() != 201) {
            throw new AssertionError(response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    static JsonNode json(java.net.http.HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new AssertionError(response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
