package org.webcare.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.webcare.cases.Replies;
import org.webcare.channel.Brand;
import org.webcare.channel.ChannelType;
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.routing.AgentStatus;
import org.webcare.routing.Agents;
import org.webcare.shared.Visibility;
import org.webcare.support.ApiClient;
import org.webcare.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The advice over real posts, cases and replies in Europe/Amsterdam, and its REST API. */
class StaffingIntegrationTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OpeningHours ALWAYS = ConfiguredOpeningHours.parse("always");

    @Autowired
    Intake intake;

    @Autowired
    Replies replies;

    @Autowired
    StaffingAdvice advice;

    @Autowired
    Agents agents;

    @Value("${webcare.time-zone}")
    String zone;

    Brand brand;
    long channel;

    @BeforeEach
    void aBrandWithAChannel() {
        brand = channels.createBrand(unique("Staffing"), List.of("@winkel"));
        channel = channels.createChannel(brand.id(), ChannelType.API, "X", "http://127.0.0.1:9/x", true).channel().id();
    }

    @Test
    void arrivalsFallInTheLocalHourOfTheWeekAcrossTheClocksGoingForwardAndOnlyCompleteWeeksCount() {
        assertThat(zone).isEqualTo("Europe/Amsterdam");
        // Clocks go forward on Sunday 29 March 2026 at 01:00 UTC (02:00 CET becomes 03:00 CEST).
        customerWrites("@voor", "2026-03-29T00:30:00Z");    // 01:30 CET: Sunday 01–02
        customerWrites("@na", "2026-03-29T01:30:00Z");      // 03:30 CEST: Sunday 03–04 (UTC would say 01–02)
        customerWrites("@laat", "2026-03-29T21:30:00Z");    // 23:30 CEST: Sunday 23–24, the last hour of the week
        customerWrites("@maandag1", "2026-03-16T07:15:00Z"); // 08:15 CET: Monday 08–09, first week
        customerWrites("@maandag2", "2026-03-23T07:15:00Z"); // 08:15 CET: Monday 08–09, second week
        customerWrites("@tweemaal", "2026-03-17T14:05:00Z"); // 15:05 CET, Tuesday 15–16 ...
        customerWrites("@tweemaal", "2026-03-17T14:40:00Z"); // ... and again in the same hour: one arrival
        customerWrites("@tevroeg", "2026-03-15T12:00:00Z"); // before the two weeks
        customerWrites("@deze-week", "2026-03-29T22:30:00Z"); // Monday 30 March 00:30 CEST: this week, not complete
        customerWrites("@deze-week2", "2026-03-31T09:00:00Z");

        // Wednesday 1 April: the complete weeks are 16–22 and 23–29 March.
        StaffingPlan plan = advice.advise(brand.id(), new StaffingQuery(2, 0.8, Duration.ofMinutes(15)),
                Instant.parse("2026-04-01T10:00:00Z"), ALWAYS);

        assertThat(plan.from()).isEqualTo(LocalDate.parse("2026-03-16"));
        assertThat(plan.until()).isEqualTo(LocalDate.parse("2026-03-30"));
        assertThat(plan.cells()).hasSize(168);
        assertThat(plan.cell(DayOfWeek.SUNDAY, 1).arrivals()).isEqualTo(0.5);
        assertThat(plan.cell(DayOfWeek.SUNDAY, 2).arrivals()).as("the hour that did not exist").isZero();
        assertThat(plan.cell(DayOfWeek.SUNDAY, 3).arrivals()).isEqualTo(0.5);
        assertThat(plan.cell(DayOfWeek.SUNDAY, 23).arrivals()).isEqualTo(0.5);
        assertThat(plan.cell(DayOfWeek.MONDAY, 8).arrivals()).isEqualTo(1.0);
        assertThat(plan.cell(DayOfWeek.MONDAY, 8).arrivalsBusyWeek()).isEqualTo(1);
        assertThat(plan.cell(DayOfWeek.TUESDAY, 15).arrivals()).isEqualTo(0.5);
        assertThat(plan.cell(DayOfWeek.TUESDAY, 15).arrivalsBusyWeek()).isEqualTo(1);
        double total = plan.cells().stream().mapToDouble(HourCell::arrivals).sum() * plan.weeks();
        assertThat(total).as("six arrivals in the two complete weeks, none from before or after").isEqualTo(6.0);
        assertThat(plan.cell(DayOfWeek.MONDAY, 8).agentsAnswering()).isEqualTo(1);
    }

    @Test
    void agentsAvailablePerHourComeFromTheirStatusChanges() {
        WebcareUser anne = anAgent("secret-password-1");
        agents.setStatus(anne.id(), AgentStatus.AVAILABLE);
        agents.setStatus(anne.id(), AgentStatus.AWAY);
        agents.setStatus(anne.id(), AgentStatus.AVAILABLE);
        assertThat(jdbc.sql("select count(*) from staffing_availability where user_id = :u and available_until is not null")
                .param("u", anne.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from staffing_availability where user_id = :u and available_until is null")
                .param("u", anne.id()).query(Long.class).single()).isEqualTo(1);

        // Bram was available on Tuesday 17 March from 14:30 to 16:10 CET, in the first of the two weeks.
        WebcareUser bram = anAgent("secret-password-1");
        jdbc.sql("insert into staffing_availability (user_id, available_from, available_until) values (:u, :from, :until)")
                .param("u", bram.id()).param("from", java.sql.Timestamp.from(Instant.parse("2026-03-17T13:30:00Z")))
                .param("until", java.sql.Timestamp.from(Instant.parse("2026-03-17T15:10:00Z"))).update();
        StaffingPlan plan = advice.advise(brand.id(), new StaffingQuery(2, 0.8, Duration.ofMinutes(15)),
                Instant.parse("2026-04-01T10:00:00Z"), ALWAYS);

        assertThat(plan.cell(DayOfWeek.TUESDAY, 13).agentsAvailable()).isZero();
        assertThat(plan.cell(DayOfWeek.TUESDAY, 14).agentsAvailable()).as("part of the hour counts").isEqualTo(0.5);
        assertThat(plan.cell(DayOfWeek.TUESDAY, 15).agentsAvailable()).isEqualTo(0.5);
        assertThat(plan.cell(DayOfWeek.TUESDAY, 16).agentsAvailable()).isEqualTo(0.5);
        assertThat(plan.cell(DayOfWeek.TUESDAY, 17).agentsAvailable()).isZero();
    }

    @Test
    void handlingTimeIsTheMedianFromTheCustomersPostToTheReplyLeavingOutLongGaps() {
        WebcareUser anne = anAgent("secret-password-1");
        Instant now = Instant.now();
        reply(customerWrites("@een", now.minus(Duration.ofMinutes(4)).toString()), anne);
        reply(customerWrites("@twee", now.minus(Duration.ofMinutes(8)).toString()), anne);
        reply(customerWrites("@drie", now.minus(Duration.ofMinutes(5)).toString()), anne);
        reply(customerWrites("@vier", now.minus(Duration.ofHours(2)).toString()), anne);
        StaffingSettings fewReplies = new StaffingSettings(null, null, null, null, null, null, null, 3, null);
        StaffingAdvice trusting = new StaffingAdvice(jdbc, zone, fewReplies, ALWAYS);
        Instant nextWeek = now.plus(Duration.ofDays(7));

        StaffingPlan plan = trusting.advise(brand.id(), new StaffingQuery(1, 0.8, Duration.ofMinutes(15)), nextWeek, ALWAYS);

        assertThat(plan.handlingTime().measured()).isTrue();
        assertThat(plan.handlingTime().measuredReplies()).as("the two-hour gap is not handling time").isEqualTo(3);
        assertThat(plan.handlingTime().perReply()).isBetween(Duration.ofSeconds(299), Duration.ofSeconds(302));
        StaffingPlan usual = advice.advise(brand.id(), new StaffingQuery(1, 0.8, Duration.ofMinutes(15)), nextWeek, ALWAYS);
        assertThat(usual.handlingTime().measured()).as("3 replies are too few by default").isFalse();
        assertThat(usual.handlingTime().perReply()).isEqualTo(Duration.ofMinutes(6));
    }

    @Test
    void theApiGivesTeamLeadsTheHoursOfTheWeekAndRefusesAgents() {
        customerWrites("@api", Instant.now().minus(Duration.ofDays(7)).toString());
        ApiClient api = new ApiClient(baseUrl());
        String lead = tokenFor(users.create(unique("lead") + "@example.org", "Lotte Lead", "secret-password-1", Role.TEAM_LEAD));
        String agent = tokenFor(anAgent("secret-password-1"));
        String path = "/api/v1/staffing?brand=" + brand.id() + "&weeks=3&serviceLevel=90&answerWithin=PT30M";

        var answer = api.get(path, lead);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("cells")).hasSize(168);
        assertThat(body.path("weeks").asInt()).isEqualTo(3);
        assertThat(body.path("serviceLevel").asDouble()).isEqualTo(0.9);
        assertThat(body.path("answerWithinSeconds").asLong()).isEqualTo(1800);
        assertThat(body.path("handlingTimeSeconds").asLong()).isEqualTo(360);
        JsonNode first = body.path("cells").get(0);
        assertThat(first.path("day").asString()).isEqualTo("MONDAY");
        assertThat(first.path("hour").asInt()).isZero();
        assertThat(first.path("open").asBoolean()).isTrue();
        double arrivals = 0;
        for (JsonNode cell : body.path("cells")) {
            arrivals += cell.path("arrivals").asDouble();
        }
        assertThat(arrivals * 3).as("the post of a week ago").isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));

        assertThat(api.get(path, agent).statusCode()).isEqualTo(403);
        assertThat(api.get(path, null).statusCode()).isEqualTo(401);
        var wrong = api.get("/api/v1/staffing?brand=" + brand.id() + "&weeks=lots", lead);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("weeks:");
        assertThat(api.get("/api/v1/staffing", lead).body()).contains("brand:");
        assertThat(api.get("/api/v1/staffing?brand=999999999", lead).statusCode()).isEqualTo(404);
    }

    private long customerWrites(String handle, String at) {
        return intake.accept(new InboundPost(channel, unique("p"), handle, null, "@winkel waar blijft mijn pakket?",
                Visibility.PUBLIC, Instant.parse(at), null, null, true, brand.handles(), "api", null)).postId();
    }

    private void reply(long postId, WebcareUser agent) {
        replies.send(postId, "We kijken het na en laten het je snel weten.", Visibility.PUBLIC, agent.id(), agent.displayName());
    }
}
