package org.webcare.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Replies;
import org.webcare.channel.Brand;
import org.webcare.channel.ChannelType;
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.reporting.KpiReports;
import org.webcare.reporting.KpiRequest;
import org.webcare.shared.Visibility;
import org.webcare.support.ApiClient;
import org.webcare.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** {@code webcare report kpis} and {@code GET /api/v1/reports/kpis}: the shape, the rounding, CSV, errors and who may ask. */
class ReportCommandsIntegrationTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DAY = "--from=2026-03-10T00:00:00Z";
    private static final String NEXT = "--to=2026-03-11T00:00:00Z";

    @Autowired
    Intake intake;

    @Autowired
    Replies replies;

    @Autowired
    KpiRequest requests;

    @Autowired
    KpiReports reports;

    @Autowired
    ObjectMapper json;

    Brand brand;
    long channel;

    /** One question answered after 51 minutes 15 seconds (51.25: rounds half up to 51.3), and one overheard post. */
    @BeforeEach
    void oneAnsweredQuestion() {
        brand = channels.createBrand(unique("Cli"), List.of("@clishop"));
        channel = channels.createChannel(brand.id(), ChannelType.API, "X", "http://127.0.0.1:9/x", true).channel().id();
        long question = post("@clishop where is my order?", Instant.parse("2026-03-10T08:00:00Z"), true);
        replies.recordDelivered(question, "On its way!", Visibility.PUBLIC, "Anna", Instant.parse("2026-03-10T08:51:15Z"));
        post("a clishop van drove by", Instant.parse("2026-03-10T09:00:00Z"), false);
    }

    @Test
    void printsTheBrandsAsJsonWithMinutesRoundedHalfUpToOneDecimal() {
        String out = kpis("--brand", brand.name(), DAY, NEXT);

        assertThat(out).startsWith("{\"brands\":[{\"brand\":\"" + brand.name() + "\",\"monitored\":2,\"answered\":1,\"answerRate\":1.0,"
                + "\"replyTime\":{\"count\":1,\"medianMinutes\":51.3,\"p90Minutes\":51.3},"
                + "\"firstResponse\":{\"count\":1,\"medianMinutes\":51.3,\"p90Minutes\":51.3,\"withinTarget\":1.0},"
                + "\"resolution\":{\"count\":0,\"medianMinutes\":null,\"p90Minutes\":null,\"withinTarget\":null},"
                + "\"id\":\"" + brand.id() + "\",\"addressed\":1,\"overheard\":1,");
        assertThat(out).endsWith("]}\n");
        JsonNode row = JSON.readTree(out).path("brands").get(0);
        assertThat(row.path("casesOpened").asLong()).isEqualTo(1);
        assertThat(row.path("negativeShare").isNumber() || row.path("negativeShare").isNull()).isTrue();
    }

    @Test
    void theArrayIsNamedAfterWhatTheRowsArePerAndTheBrandCanBeGivenById() {
        JsonNode byChannel = JSON.readTree(kpis("--brand", String.valueOf(brand.id()), DAY, NEXT, "--by", "channel"));
        assertThat(byChannel.has("channels")).isTrue();
        assertThat(byChannel.path("channels").get(0).path("channel").asString()).isEqualTo("X");
        assertThat(byChannel.path("channels").get(0).path("id").asString()).isEqualTo(String.valueOf(channel));
        JsonNode byAgent = JSON.readTree(kpis("--brand", brand.name(), DAY, NEXT, "--by", "agent"));
        // The reply's author (from history: a name, no user), and the case's assignee (none here).
        assertThat(byAgent.path("agents")).extracting(row -> row.path("agent").asString()).containsExactly("(no agent)", "Anna");
        assertThat(byAgent.path("agents").get(1).path("replyTime").path("count").asLong()).isEqualTo(1);
        assertThat(byAgent.path("agents").get(0).path("casesOpened").asLong()).isEqualTo(1);
    }

    @Test
    void csvHasAHeaderAndOneRowPerBrandWithTheSameFigures() {
        String csv = kpis("--brand", brand.name(), DAY, NEXT, "--format", "csv");
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(2);
        List<String> header = List.of(lines[0].split(","));
        List<String> row = List.of(lines[1].split(",", -1));
        assertThat(header).startsWith("brand", "id", "monitored", "addressed", "overheard", "answered", "answerRate");
        assertThat(row.get(header.indexOf("brand"))).isEqualTo(brand.name());
        assertThat(row.get(header.indexOf("monitored"))).isEqualTo("2");
        assertThat(row.get(header.indexOf("replyTimeMedianMinutes"))).isEqualTo("51.3");
        assertThat(row.get(header.indexOf("firstResponseWithinTarget"))).isEqualTo("1.0");
        assertThat(row.get(header.indexOf("resolutionMedianMinutes"))).isEmpty();
    }

    @Test
    void anUnknownBrandOrDateIsAUsageErrorNamingTheOption() {
        assertThatThrownBy(() -> kpis("--brand", "No Such Brand"))
                .isInstanceOf(Arguments.UsageException.class).hasMessage("--brand: no brand named or numbered 'No Such Brand'");
        assertThatThrownBy(() -> kpis("--from", "yesterday"))
                .isInstanceOf(Arguments.UsageException.class).hasMessageStartingWith("--from: not an ISO date");
        assertThatThrownBy(() -> kpis("--by", "weekday"))
                .isInstanceOf(Arguments.UsageException.class).hasMessageStartingWith("--by: must be brand, channel, team or agent");
        assertThatThrownBy(() -> ReportCommands.run(Object.class, List.of("kpis", "--colour", "red"), System.out, System.err))
                .isInstanceOf(Arguments.UsageException.class).hasMessageStartingWith("unknown option --colour");
    }

    @Test
    void aDateIsALocalDayAndToIsInclusive() {
        // 2026-03-10 in Europe/Amsterdam runs from 09 March 23:00 UTC to 10 March 23:00 UTC.
        JsonNode day = JSON.readTree(kpis("--brand", brand.name(), "--from", "2026-03-10", "--to", "2026-03-10"));
        assertThat(day.path("brands").get(0).path("monitored").asLong()).isEqualTo(2);
        JsonNode before = JSON.readTree(kpis("--brand", brand.name(), "--from", "2026-03-01", "--to", "2026-03-09"));
        assertThat(before.path("brands")).isEmpty();
    }

    @Test
    void theRestApiIsForTeamLeadsAndAdminsAndNamesTheBadParameter() {
        ApiClient api = new ApiClient(baseUrl());
        WebcareUser lead = users.create(unique("lead") + "@example.org", "Lea Lead", "correct horse battery", Role.TEAM_LEAD);
        String leadToken = tokenFor(lead);
        String adminToken = tokenFor(anAdmin("correct horse battery"));
        String agentToken = tokenFor(anAgent("correct horse battery"));
        String query = "?brand=" + brand.id() + "&from=2026-03-10T00:00:00Z&to=2026-03-11T00:00:00Z";

        var ok = api.get("/api/v1/reports/kpis" + query, leadToken);
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode row = JSON.readTree(ok.body()).path("brands").get(0);
        assertThat(row.path("brand").asString()).isEqualTo(brand.name());
        assertThat(row.path("replyTime").path("medianMinutes").asDouble()).isEqualTo(51.3);
        assertThat(api.get("/api/v1/reports/kpis" + query + "&by=team", adminToken).statusCode()).isEqualTo(200);
        for (String path : List.of("", "/trend", "/sla", "/breakdowns", "/cases")) {
            assertThat(api.get("/api/v1/reports/kpis" + path + query + "&figure=cases", agentToken).statusCode()).as(path).isEqualTo(403);
            assertThat(api.get("/api/v1/reports/kpis" + path + query + "&figure=cases", null).statusCode()).as(path).isEqualTo(401);
            assertThat(api.get("/api/v1/reports/kpis" + path + query + "&figure=cases", leadToken).statusCode()).as(path).isEqualTo(200);
        }

        var csv = api.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/reports/kpis" + query))
                .header("Authorization", "Bearer " + leadToken).header("Accept", "text/csv").GET().build());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("brand,id,monitored");
        assertThat(api.get("/api/v1/reports/kpis" + query + "&format=csv", leadToken).body()).startsWith("brand,id,monitored");

        JsonNode cases = JSON.readTree(api.get("/api/v1/reports/kpis/cases" + query + "&figure=first-response", leadToken).body());
        assertThat(cases.path("cases")).hasSize(1);
        JsonNode trend = JSON.readTree(api.get("/api/v1/reports/kpis/trend" + query, leadToken).body());
        assertThat(trend.get(0).path("date").asString()).isEqualTo("2026-03-10");

        assertProblem(api.get("/api/v1/reports/kpis?by=weekday", leadToken), "by");
        assertProblem(api.get("/api/v1/reports/kpis?from=yesterday", leadToken), "from");
        assertProblem(api.get("/api/v1/reports/kpis?brand=No%20Such%20Brand", leadToken), "brand");
        assertProblem(api.get("/api/v1/reports/kpis?channel=abc", leadToken), "channel");
        assertProblem(api.get("/api/v1/reports/kpis?agent=nobody@example.org", leadToken), "agent");
        assertProblem(api.get("/api/v1/reports/kpis?format=pdf", leadToken), "format");
        assertProblem(api.get("/api/v1/reports/kpis?from=2026-03-10&to=2026-03-01", leadToken), "from");
        assertProblem(api.get("/api/v1/reports/kpis/cases?figure=everything", leadToken), "figure");
        assertProblem(api.get("/api/v1/reports/kpis/cases?figure=backlog&limit=0", leadToken), "limit");
    }

    private static void assertProblem(java.net.http.HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("field").asString()).as(response.body()).isEqualTo(field);
    }

    private String kpis(String... args) {
        Arguments arguments = Arguments.parse(List.of(args), Set.of());
        String format = arguments.option("format").orElse("json");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = ReportCommands.kpis(requests, reports, json, arguments, format, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private long post(String text, Instant at, boolean toBrand) {
        return intake.accept(new InboundPost(channel, unique("p"), unique("h"), null, text, Visibility.PUBLIC, at, null, null,
                toBrand, brand.handles(), "api", null)).postId();
    }
}
