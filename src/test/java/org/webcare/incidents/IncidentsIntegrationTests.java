package org.webcare.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Case;
import org.webcare.cases.CaseEvent;
import org.webcare.cases.CaseStatus;
import org.webcare.cases.Cases;
import org.webcare.cases.Priority;
import org.webcare.channel.ChannelType;
import org.webcare.channel.ConnectorChannels;
import org.webcare.channel.NewChannel;
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.support.ApiClient;
import org.webcare.support.CallbackReceiver;
import org.webcare.support.Eventually;
import org.webcare.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Incidents over the REST API with the whole application: cases found by a listening query, the holding statement
 * delivered by the real outbox to an API channel's callback, exactly once per case, and the follow-up when resolved.
 */
class IncidentsIntegrationTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-enough-password";
    private static final String HOLDING = "Hoi {{customer.name}}, we weten van de storing en werken eraan (case {{case.number}}). ^{{agent.initials}}";

    @Autowired
    Intake intake;

    @Autowired
    Cases cases;

    @Autowired
    BulkReplies bulkReplies;

    @Autowired
    ConnectorChannels connectorChannels;

    @Autowired
    ObjectMapper json;

    private ApiClient api;
    private WebcareUser lead;
    private String agentToken;
    private String leadToken;

    @BeforeEach
    void setUp() {
        api = new ApiClient(baseUrl());
        agentToken = tokenFor(anAgent(PASSWORD));
        lead = users.create(unique("lead") + "@example.org", "Lotte Leider", PASSWORD, Role.TEAM_LEAD);
        leadToken = tokenFor(lead);
    }

    @Test
    void linksTheCasesWhosePostsMatchTheQueryAndRaisesTheirImpact() {
        NewChannel channel = anApiChannel("http://127.0.0.1:9/x");
        Instant now = Instant.now();
        long anna = caseOf(channel, "@anna", "Anna", "Al uren storing op internet in Utrecht", Visibility.PUBLIC, now.minus(60, ChronoUnit.MINUTES));
        long bart = caseOf(channel, "@bart", "Bart", "Geen tv en geen internet, is er een storing?", Visibility.PRIVATE, now.minus(30, ChronoUnit.MINUTES));
        long cees = caseOf(channel, "@cees", "Cees", "Mijn factuur klopt niet", Visibility.PUBLIC, now.minus(20, ChronoUnit.MINUTES));
        long door = caseOf(channel, "@door", "Door", "Storing internet sinds vanochtend", Visibility.PUBLIC, now.minus(3, ChronoUnit.DAYS));
        long elsewhere = caseOf(anApiChannel("http://127.0.0.1:9/x"), "@eva", "Eva", "Storing internet", Visibility.PUBLIC, now);
        long incident = createIncident(channel.channel().brandId(), "Storing Utrecht");

        JsonNode found = ok(api.get("/api/v1/incidents/" + incident + "/candidates?query=" + encode("storing AND internet"), agentToken));

        assertThat(ids(found)).containsExactly(bart, anna);
        assertThat(found.get(0).get("posts").get(0).get("text").asString()).isEqualTo("Geen tv en geen internet, is er een storing?");
        JsonNode wider = ok(api.get("/api/v1/incidents/" + incident + "/candidates?query=" + encode("storing AND internet")
                + "&since=" + now.minus(4, ChronoUnit.DAYS), agentToken));
        assertThat(ids(wider)).containsExactly(bart, anna, door).doesNotContain(cees, elsewhere);

        var added = api.postJson("/api/v1/incidents/" + incident + "/cases", agentToken, "{\"caseIds\":[" + anna + "," + bart + "]}");

        assertThat(added.statusCode()).isEqualTo(200);
        for (long caseId : List.of(anna, bart)) {
            Case linked = cases.get(caseId);
            assertThat(linked.priority().impact()).isEqualTo(Priority.Level.HIGH);
            assertThat(linked.priority().reasons()).contains("incident=" + incident);
            assertThat(cases.history(caseId)).extracting(CaseEvent::kind, CaseEvent::to, CaseEvent::actorName)
                    .contains(org.assertj.core.groups.Tuple.tuple("incident", "#" + incident, "Anne de Vries"));
        }
        assertThat(cases.get(cees).priority().reasons()).noneMatch(r -> r.startsWith("incident="));
        assertThat(ids(ok(api.get("/api/v1/incidents/" + incident + "/candidates?query=storing", agentToken)))).isEmpty();

        long second = createIncident(channel.channel().brandId(), "Nog een storing");
        var twice = api.postJson("/api/v1/incidents/" + second + "/cases", agentToken, "{\"caseIds\":[" + anna + "]}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("already part of open incident #" + incident);
        JsonNode flagged = ok(api.get("/api/v1/incidents/" + second + "/candidates?query=storing", agentToken));
        assertThat(flagged.get(0).get("openIncidentId").asLong()).isEqualTo(incident);

        var mixed = api.postJson("/api/v1/incidents/" + second + "/cases", agentToken, "{\"caseIds\":[" + cees + "," + elsewhere + "]}");
        assertThat(mixed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(mixed.body()).get("field").asString()).isEqualTo("caseIds");
        assertThat(cases.get(cees).priority().reasons()).as("all or none").noneMatch(r -> r.startsWith("incident="));
    }

    @Test
    void sendsTheHoldingStatementToEveryCaseOnceFilledInForEachCustomer() {
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            NewChannel channel = channelWithCallback(receiver, true);
            long anna = caseOf(channel, "@anna", "Anna de Boer", "Storing! Geen internet", Visibility.PUBLIC, Instant.now());
            long bart = caseOf(channel, "@bart", "Bart Jansen", "Ik heb al uren geen internet", Visibility.PRIVATE, Instant.now());
            long incident = createIncident(channel.channel().brandId(), "Storing");
            addCases(incident, anna, bart);

            JsonNode preview = ok(api.get("/api/v1/incidents/" + incident + "/holding-statement/preview", agentToken));
            assertThat(preview.get("willSend").asInt()).isEqualTo(2);
            assertThat(preview.get("publicReplies").asInt()).isEqualTo(1);
            assertThat(preview.get("privateReplies").asInt()).isEqualTo(1);
            assertThat(preview.get("byChannel").get("API").asInt()).isEqualTo(2);
            assertThat(preview.get("refused").asInt()).isZero();
            assertThat(receiver.attempts()).as("a preview sends nothing").isZero();

            JsonNode report = send(incident);

            assertThat(report.get("sent")).hasSize(2);
            Eventually.within(Duration.ofSeconds(10), "both replies delivered", () -> receiver.acceptedByKey().size() == 2);
            JsonNode toAnna = bodyTo(receiver, "@anna");
            assertThat(toAnna.get("text").asString())
                    .isEqualTo("Hoi Anna de Boer, we weten van de storing en werken eraan (case " + anna + "). ^LL");
            assertThat(toAnna.get("visibility").asString()).isEqualTo("public");
            assertThat(toAnna.get("author").asString()).isEqualTo("Lotte Leider");
            JsonNode toBart = bodyTo(receiver, "@bart");
            assertThat(toBart.get("text").asString())
                    .isEqualTo("Hoi Bart Jansen, we weten van de storing en werken eraan (case " + bart + "). ^LL");
            assertThat(toBart.get("visibility").asString()).isEqualTo("private");

            JsonNode again = send(incident);
            assertThat(again.get("sent")).isEmpty();
            assertThat(again.get("alreadySent").asInt()).isEqualTo(2);

            long cees = caseOf(channel, "@cees", "Cees", "Nog steeds storing", Visibility.PUBLIC, Instant.now());
            addCases(incident, cees);
            JsonNode later = ok(api.get("/api/v1/incidents/" + incident + "/holding-statement/preview", agentToken));
            assertThat(later.get("willSend").asInt()).isEqualTo(1);
            assertThat(later.get("alreadySent").asInt()).isEqualTo(2);
            JsonNode third = send(incident);
            assertThat(third.get("sent")).singleElement().satisfies(s -> assertThat(s.get("caseId").asLong()).isEqualTo(cees));

            Eventually.within(Duration.ofSeconds(10), "the later case's reply delivered", () -> receiver.acceptedByKey().size() == 3);
            assertThat(receiver.acceptedByKey().values()).containsOnly(1);
            assertThat(receiver.bodies()).hasSize(3);
            assertThat(List.of("@anna", "@bart", "@cees")).allSatisfy(to -> bodyTo(receiver, to));
            Eventually.within(Duration.ofSeconds(10), "every case's statement shown as delivered", () -> {
                JsonNode details = ok(api.get("/api/v1/incidents/" + incident, agentToken));
                List<String> states = new ArrayList<>();
                details.get("cases").forEach(c -> states.add(c.get("holding").get("state").asString() + "/"
                        + c.get("holding").get("delivery").get("state").asString()));
                return states.equals(List.of("SENT/SENT", "SENT/SENT", "SENT/SENT"));
            });
            assertThat(api.send(delete("/api/v1/incidents/" + incident, leadToken)).statusCode())
                    .as("an incident that reached customers stays").isEqualTo(409);
        }
    }

    @Test
    void reportsARefusedCaseWithTheReasonAndStillSendsToTheOthers() {
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            NewChannel channel = channelWithCallback(receiver, true);
            long brandId = channel.channel().brandId();
            var whatsApp = connectorChannels.create(brandId, ChannelType.FAKE, "WhatsApp",
                    Map.of("platform", unique("whatsapp"), "interval", "PT1H", "replyWindow", "PT24H"));
            long anna = caseOf(channel, "@anna", "Anna", "Storing!", Visibility.PUBLIC, Instant.now());
            // A display name that is an e-mail address: a public reply naming the customer would publish it.
            long jan = caseOf(channel, "@jan", "jan.devries@example.org", "Storing hier ook", Visibility.PUBLIC, Instant.now());
            long late = caseOf(whatsApp.id(), "+31600000001", "Wim", "Geen internet", Visibility.PRIVATE,
                    Instant.now().minus(2, ChronoUnit.DAYS));
            long incident = createIncident(brandId, "Storing");
            addCases(incident, anna, jan, late);

            JsonNode preview = ok(api.get("/api/v1/incidents/" + incident + "/holding-statement/preview", agentToken));
            assertThat(preview.get("willSend").asInt()).isEqualTo(1);
            assertThat(preview.get("refused").asInt()).isEqualTo(2);
            assertThat(refusal(preview.get("recipients"), jan)).contains("e-mail");
            assertThat(refusal(preview.get("recipients"), late)).contains("24 hours");

            JsonNode report = send(incident);

            assertThat(report.get("sent")).singleElement().satisfies(s -> assertThat(s.get("caseId").asLong()).isEqualTo(anna));
            assertThat(report.get("refused")).hasSize(2);
            assertThat(refusal(report.get("refused"), jan)).startsWith("text:").contains("e-mail");
            assertThat(refusal(report.get("refused"), late)).contains("24 hours");
            Eventually.within(Duration.ofSeconds(10), "the one reply delivered", () -> receiver.acceptedByKey().size() == 1);
            assertThat(bodyTo(receiver, "@anna").get("text").asString()).startsWith("Hoi Anna,");
            assertThat(receiver.bodies()).noneMatch(body -> body.contains("jan.devries@example.org"));

            JsonNode details = ok(api.get("/api/v1/incidents/" + incident, agentToken));
            JsonNode janCase = caseIn(details, jan);
            assertThat(janCase.get("holding").get("state").asString()).isEqualTo("REFUSED");
            assertThat(janCase.get("holding").get("reason").asString()).contains("e-mail");
            assertThat(caseIn(details, anna).get("holding").get("state").asString()).isEqualTo("SENT");

            JsonNode again = send(incident);
            assertThat(again.get("sent")).isEmpty();
            assertThat(again.get("alreadySent").asInt()).isEqualTo(1);
            assertThat(again.get("refused")).as("refused cases are tried again, and refused again").hasSize(2);
            assertThat(jdbc.sql("select count(*) from reply r join case_post cp on cp.post_id = r.post_id where cp.case_id in (?, ?)")
                    .params(jan, late).query(Long.class).single()).isZero();
        }
    }

    @Test
    void resolvingSendsTheFollowUpOnceAndResolvesTheCases() {
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            NewChannel channel = channelWithCallback(receiver, true);
            long anna = caseOf(channel, "@anna", "Anna", "Storing!", Visibility.PUBLIC, Instant.now());
            long bart = caseOf(channel, "@bart", "Bart", "Geen internet", Visibility.PRIVATE, Instant.now());
            long incident = createIncident(channel.channel().brandId(), "Storing");
            addCases(incident, anna, bart);
            send(incident);
            String resolution = "{\"statement\":\"Hoi {{customer.name}}, de storing is voorbij. ^{{agent.initials}}\",\"resolveCases\":true}";

            assertThat(api.postJson("/api/v1/incidents/" + incident + "/resolve", agentToken, resolution).statusCode())
                    .as("agents do not send bulk replies").isEqualTo(403);
            JsonNode report = ok(api.postJson("/api/v1/incidents/" + incident + "/resolve", leadToken, resolution));

            assertThat(report.get("kind").asString()).isEqualTo("RESOLUTION");
            assertThat(report.get("sent")).hasSize(2);
            for (long caseId : List.of(anna, bart)) {
                Case resolved = cases.get(caseId);
                assertThat(resolved.status()).isEqualTo(CaseStatus.RESOLVED);
                assertThat(resolved.priority().reasons()).noneMatch(r -> r.startsWith("incident="));
                assertThat(cases.history(caseId)).anySatisfy(event -> {
                    assertThat(event.kind()).isEqualTo("status");
                    assertThat(event.to()).isEqualTo("resolved");
                    assertThat(event.reason()).isEqualTo("incident resolved");
                    assertThat(event.actorName()).isEqualTo("Lotte Leider");
                });
            }
            Eventually.within(Duration.ofSeconds(10), "holding and follow-up delivered", () -> receiver.acceptedByKey().size() == 4);
            assertThat(receiver.bodies()).filteredOn(body -> body.contains("voorbij")).hasSize(2)
                    .anySatisfy(body -> assertThat(body).contains("Hoi Bart, de storing is voorbij. ^LL"));
            JsonNode details = ok(api.get("/api/v1/incidents/" + incident, agentToken));
            assertThat(details.get("incident").get("status").asString()).isEqualTo("RESOLVED");
            assertThat(caseIn(details, anna).get("resolution").get("state").asString()).isEqualTo("SENT");

            JsonNode retried = ok(api.postJson("/api/v1/incidents/" + incident + "/resolve", leadToken, resolution));
            assertThat(retried.get("sent")).isEmpty();
            assertThat(retried.get("alreadySent").asInt()).isEqualTo(2);
            assertThat(api.postJson("/api/v1/incidents/" + incident + "/resolve", leadToken,
                    "{\"statement\":\"Iets anders\",\"resolveCases\":true}").statusCode()).isEqualTo(409);
            assertThat(api.postJson("/api/v1/incidents/" + incident + "/holding-statement/send", leadToken, "").statusCode())
                    .isEqualTo(409);
            long cees = caseOf(channel, "@cees", "Cees", "Storing?", Visibility.PUBLIC, Instant.now());
            assertThat(api.postJson("/api/v1/incidents/" + incident + "/cases", agentToken, "{\"caseIds\":[" + cees + "]}")
                    .statusCode()).isEqualTo(409);
            assertThat(receiver.acceptedByKey().values()).containsOnly(1);
        }
    }

    @Test
    void twoSendsAtTheSameTimeReachEveryCaseOnce() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            NewChannel channel = channelWithCallback(receiver, true);
            List<Long> caseIds = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                caseIds.add(caseOf(channel, "@klant" + i, "Klant " + i, "Storing " + i, Visibility.PUBLIC, Instant.now()));
            }
            long incident = createIncident(channel.channel().brandId(), "Storing");
            addCases(incident, caseIds.stream().mapToLong(Long::longValue).toArray());
            Sender sender = new Sender(lead.id(), lead.displayName(), lead.initials());

            CountDownLatch start = new CountDownLatch(1);
            List<SendReport> reports = new ArrayList<>();
            try (ExecutorService twoLeads = Executors.newFixedThreadPool(2)) {
                List<Future<SendReport>> sends = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    sends.add(twoLeads.submit(() -> {
                        start.await();
                        return bulkReplies.send(incident, StatementKind.HOLDING, sender);
                    }));
                }
                start.countDown();
                for (Future<SendReport> send : sends) {
                    reports.add(send.get());
                }
            }

            assertThat(reports.stream().mapToInt(r -> r.sent().size()).sum()).isEqualTo(6);
            assertThat(reports.stream().mapToInt(SendReport::alreadySent).sum()).isEqualTo(6);
            assertThat(reports).allSatisfy(r -> assertThat(r.refused()).isEmpty());
            assertThat(jdbc.sql("select count(*) from reply r join case_post cp on cp.post_id = r.post_id where cp.case_id = any(?)")
                    .param(caseIds.toArray(Long[]::new)).query(Long.class).single()).isEqualTo(6);
            Eventually.within(Duration.ofSeconds(10), "six replies delivered", () -> receiver.acceptedByKey().size() == 6);
            for (int i = 0; i < 6; i++) {
                bodyTo(receiver, "@klant" + i);
            }
        }
    }

    @Test
    void refusesBadInputNamingTheFieldAndLeavesSendingAndDeletingToTeamLeads() {
        NewChannel channel = anApiChannel("http://127.0.0.1:9/x");
        long brandId = channel.channel().brandId();

        var unknown = api.postJson("/api/v1/incidents", agentToken, "{\"brandId\":" + brandId
                + ",\"title\":\"Storing\",\"holdingStatement\":\"Hoi {{klant.naam}}\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("field").asString()).isEqualTo("holdingStatement");
        assertThat(unknown.body()).contains("{{klant.naam}}");
        assertThat(field(api.postJson("/api/v1/incidents", agentToken, "{\"brandId\":" + brandId + ",\"holdingStatement\":\"We werken eraan\"}")))
                .isEqualTo("title");
        assertThat(field(api.postJson("/api/v1/incidents", agentToken, "{\"brandId\":999999999,\"title\":\"x\",\"holdingStatement\":\"y\"}")))
                .isEqualTo("brandId");

        long incident = createIncident(brandId, "Storing");
        assertThat(field(api.get("/api/v1/incidents/" + incident + "/candidates?query=" + encode("storing AND"), agentToken)))
                .isEqualTo("query");
        assertThat(field(api.get("/api/v1/incidents/" + incident + "/candidates?query=storing&since=gisteren", agentToken)))
                .isEqualTo("since");
        assertThat(api.get("/api/v1/incidents/999999999", agentToken).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/incidents", null).statusCode()).isEqualTo(401);

        long anna = caseOf(channel, "@anna", "Anna", "Storing", Visibility.PUBLIC, Instant.now());
        addCases(incident, anna);
        assertThat(api.postJson("/api/v1/incidents/" + incident + "/holding-statement/send", agentToken, "").statusCode()).isEqualTo(403);
        assertThat(api.send(delete("/api/v1/incidents/" + incident, agentToken)).statusCode()).isEqualTo(403);
        assertThat(cases.get(anna).priority().reasons()).contains("incident=" + incident);

        assertThat(api.send(delete("/api/v1/incidents/" + incident, leadToken)).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/incidents/" + incident, agentToken).statusCode()).isEqualTo(404);
        assertThat(cases.get(anna).priority().reasons()).as("the case's impact is its own again")
                .noneMatch(r -> r.startsWith("incident="));
    }

    @Test
    void theCasePanelShowsTheIncidentWithItsTitleEscaped() {
        NewChannel channel = anApiChannel("http://127.0.0.1:9/x");
        long anna = caseOf(channel, "@anna", "Anna", "Storing", Visibility.PUBLIC, Instant.now());
        long bart = caseOf(channel, "@bart", "Bart", "Storing", Visibility.PUBLIC, Instant.now());
        long incident = createIncident(channel.channel().brandId(), "<script>alert(1)</script> Storing");
        addCases(incident, anna);

        HttpResponse<String> linked = api.get("/cases/" + anna + "/incident", agentToken);
        assertThat(linked.statusCode()).isEqualTo(200);
        assertThat(linked.body()).contains("Incident #" + incident + ": &lt;script&gt;alert(1)&lt;/script&gt; Storing")
                .doesNotContain("<script>alert(1)")
                .contains("not sent");

        HttpResponse<String> other = api.get("/cases/" + bart + "/incident", agentToken);
        assertThat(other.body()).contains("Add to incident").contains("value=\"" + incident + "\"");
    }

    // ---- fixtures ----

    private NewChannel channelWithCallback(CallbackReceiver receiver, boolean allowsPrivate) {
        var brand = channels.createBrand(unique("Polderstroom"));
        NewChannel channel = channels.createChannel(brand.id(), ChannelType.API, "API", receiver.url(), allowsPrivate);
        receiver.expectingSignatureWith(channel.secret());
        return channel;
    }

    private long caseOf(NewChannel channel, String handle, String name, String text, Visibility visibility, Instant at) {
        return caseOf(channel.channel().id(), handle, name, text, visibility, at);
    }

    /** A post addressed to the brand, which opens a case of its own for a new author. */
    private long caseOf(long channelId, String handle, String name, String text, Visibility visibility, Instant at) {
        var result = intake.accept(new InboundPost(channelId, unique("p"), handle, name, text, visibility,
                at.truncatedTo(ChronoUnit.SECONDS), null, null, true, List.of()));
        return cases.caseOf(result.postId()).orElseThrow().id();
    }

    private long createIncident(long brandId, String title) {
        var created = api.postJson("/api/v1/incidents", agentToken, "{\"brandId\":" + brandId + ",\"title\":" + ApiClient.quote(title)
                + ",\"holdingStatement\":" + ApiClient.quote(HOLDING) + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asLong();
    }

    private void addCases(long incident, long... caseIds) {
        StringBuilder ids = new StringBuilder();
        for (long id : caseIds) {
            ids.append(ids.isEmpty() ? "" : ",").append(id);
        }
        var added = api.postJson("/api/v1/incidents/" + incident + "/cases", agentToken, "{\"caseIds\":[" + ids + "]}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    }

    private JsonNode send(long incident) {
        return ok(api.postJson("/api/v1/incidents/" + incident + "/holding-statement/send", leadToken, ""));
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String field(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return json.readTree(response.body()).get("field").asString();
    }

    private static List<Long> ids(JsonNode candidates) {
        List<Long> ids = new ArrayList<>();
        candidates.forEach(c -> ids.add(c.get("details").get("id").asLong()));
        return ids;
    }

    private static JsonNode caseIn(JsonNode details, long caseId) {
        for (JsonNode linked : details.get("cases")) {
            if (linked.get("details").get("id").asLong() == caseId) {
                return linked;
            }
        }
        throw new AssertionError("case " + caseId + " is not in the incident");
    }

    private static String refusal(JsonNode list, long caseId) {
        for (JsonNode item : list) {
            if (item.get("caseId").asLong() == caseId) {
                JsonNode reason = item.has("refusal") ? item.get("refusal") : item.get("reason");
                return reason.isNull() ? null : reason.asString();
            }
        }
        throw new AssertionError("case " + caseId + " is not listed");
    }

    /** The one reply the platform received for this customer; fails when there is none or more than one. */
    private JsonNode bodyTo(CallbackReceiver receiver, String handle) {
        List<JsonNode> to = receiver.bodies().stream().map(json::readTree).filter(b -> handle.equals(b.get("to").asString())).toList();
        assertThat(to).as("replies to " + handle).hasSize(1);
        return to.getFirst();
    }

    private HttpRequest delete(String path, String token) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + token).DELETE().build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
