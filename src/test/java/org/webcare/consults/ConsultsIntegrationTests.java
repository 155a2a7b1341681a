package org.webcare.consults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.CaseNote;
import org.webcare.cases.CaseStatus;
import org.webcare.cases.Cases;
import org.webcare.cases.Notes;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.support.ApiClient;
import org.webcare.support.IntegrationTest;
import org.webcare.support.TestExpert;
import org.webcare.support.TestMailServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Asking an expert through the REST API and the expert answering through the link in their e-mail. */
class ConsultsIntegrationTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-agent-password";

    @Autowired
    Intake intake;

    @Autowired
    Cases cases;

    @Autowired
    Notes notes;

    @Autowired
    ObjectMapper json;

    private final TestExpert expert = new TestExpert();

    @Test
    void theExpertAnswersThroughTheLinkAndTheCaseIsOpenAgain() {
        WebcareUser agent = anAgent(PASSWORD);
        long caseId = aCase("Stroom & gas <b>weg</b> sinds vanochtend");
        String expertAddress = unique("netbeheer") + "@example.org";
        String question = "Is de storing in Utrecht " + unique("al") + " opgelost?";

        HttpResponse<String> asked = ask(agent, caseId, expertAddress, question, "\"dueIn\":\"PT4H\"");

        assertThat(asked.statusCode()).isEqualTo(201);
        JsonNode consult = read(asked);
        assertThat(consult.get("status").asString()).isEqualTo("OPEN");
        assertThat(consult.get("askedBy").asString()).isEqualTo("Anne de Vries");
        assertThat(Instant.parse(consult.get("dueAt").asString())).isBetween(Instant.now().plusSeconds(4 * 3600 - 120),
                Instant.now().plusSeconds(4 * 3600 + 5));
        assertThat(cases.get(caseId).status()).isEqualTo(CaseStatus.PENDING_INTERNAL);

        MimeMessage mail = TestExpert.mailTo(expertAddress, question);
        String postText = cases.view(caseId).orElseThrow().posts().getFirst().text();
        assertThat(TestExpert.subject(mail)).contains("case #" + caseId).containsPattern("\\[consult:\\d+-[A-Za-z0-9_-]{16}]");
        assertThat(TestMailServer.text(mail)).contains(question).contains(postText).contains("Please answer before");
        assertThat(TestMailServer.html(mail)).contains(org.springframework.web.util.HtmlUtils.htmlEscape(postText))
                .doesNotContain("<b>weg</b>");
        String link = TestExpert.link(mail);

        HttpResponse<String> page = expert.open(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(question.replace("?", "")).contains("textarea");

        HttpResponse<String> answered = expert.answer(link, "Ja, sinds 15:00 is alles weer in orde.");
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("Thank you");

        List<CaseNote> caseNotes = notes.of(caseId);
        assertThat(caseNotes).singleElement().satisfies(note -> {
            assertThat(note.text()).isEqualTo("Ja, sinds 15:00 is alles weer in orde.");
            assertThat(note.authorName()).isEqualTo(expertAddress);
            assertThat(note.consultAnswer()).isTrue();
        });
        assertThat(cases.get(caseId).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(cases.history(caseId)).anySatisfy(event -> {
            assertThat(event.kind()).isEqualTo("status");
            assertThat(event.to()).isEqualTo("open");
            assertThat(event.actorName()).isEqualTo("Webcare");
            assertThat(event.reason()).isEqualTo("the expert answered");
        });
        JsonNode stored = read(api().get("/api/v1/cases/" + caseId + "/consults", tokenFor(agent))).get(0);
        assertThat(stored.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(stored.get("answeredVia").asString()).isEqualTo("LINK");
        assertThat(stored.get("answeredBy").asString()).isEqualTo(expertAddress);
        assertThat(stored.get("waitedMinutes").asLong()).isBetween(0L, 2L);
        JsonNode mentions = read(api().get("/api/v1/mentions", tokenFor(agent)));
        assertThat(mentions.get(0).get("text").asString()).as("the asker hears of the answer")
                .isEqualTo("Ja, sinds 15:00 is alles weer in orde.");

        HttpResponse<String> again = expert.answer(link, "Toch niet!");
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("already answered").doesNotContain(question.replace("?", ""));
        assertThat(expert.open(link).statusCode()).isEqualTo(410);
        assertThat(notes.of(caseId)).hasSize(1);
    }

    @Test
    void anExpiredLinkIsRefusedAndTheConsultStaysOpen() {
        WebcareUser agent = anAgent(PASSWORD);
        long caseId = aCase("Mijn meter is stuk");
        String expertAddress = unique("meters") + "@example.org";
        String question = "Kan een monteur " + unique("morgen") + " langs?";
        long consultId = read(ask(agent, caseId, expertAddress, question, "\"dueIn\":\"PT1H\"")).get("id").asLong();
        String link = TestExpert.link(TestExpert.mailTo(expertAddress, question));
        assertThat(expert.open(link).statusCode()).isEqualTo(200);
        // The consult was asked ten days ago: past its due time and the week its link stays valid after that.
        jdbc.sql("""
                        update consult set asked_at = asked_at - interval '10 days', due_at = due_at - interval '10 days',
                               link_expires_at = link_expires_at - interval '10 days' where id = ?""")
                .param(consultId).update();

        HttpResponse<String> page = expert.open(link);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("This link has expired").doesNotContain(question.replace("?", ""));
        assertThat(expert.answer(link, "Ja hoor").statusCode()).isEqualTo(410);
        assertThat(read(api().get("/api/v1/consults/" + consultId, tokenFor(agent))).get("status").asString()).isEqualTo("OPEN");
        assertThat(notes.of(caseId)).isEmpty();
    }

    @Test
    void unknownAndForgedLinksFindNothing() {
        WebcareUser agent = anAgent(PASSWORD);
        long caseId = aCase("Waar blijft mijn pakket?");
        String expertAddress = unique("logistiek") + "@example.org";
        String question = "Waar is pakket " + unique("nr") + "?";
        ask(agent, caseId, expertAddress, question, "\"dueIn\":\"PT4H\"");
        String link = TestExpert.link(TestExpert.mailTo(expertAddress, question));
        String token = link.substring(link.lastIndexOf('/') + 1);
        String forged = link.substring(0, link.lastIndexOf('/') + 1)
                + (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);

        for (String wrong : List.of(forged, baseUrl() + "/consult/" + ConsultTokens.TOKENS.create(), baseUrl() + "/consult/abc",
                baseUrl() + "/consult/" + token + "x")) {
            HttpResponse<String> page = expert.open(wrong);
            assertThat(page.statusCode()).as(wrong).isEqualTo(404);
            assertThat(page.body()).contains("Link not found").doesNotContain(question.replace("?", ""));
        }
        HttpResponse<String> forgedAnswer = expert.answer(link, forged, "Vervalst antwoord");
        assertThat(forgedAnswer.statusCode()).isEqualTo(404);
        assertThat(notes.of(caseId)).isEmpty();
        assertThat(expert.open(link).statusCode()).as("the real link still works").isEqualTo(200);
    }

    @Test
    void theCaseWaitsUntilTheLastOpenConsultIsAnsweredOrCancelled() {
        WebcareUser agent = anAgent(PASSWORD);
        long caseId = aCase("Ik wil mijn contract opzeggen en mijn borg terug");
        String contracts = unique("contracten") + "@example.org";
        String finance = unique("financien") + "@example.org";
        String first = "Mag dit contract " + unique("per") + " direct stoppen?";
        String second = "Wanneer wordt de borg " + unique("van") + " terugbetaald?";
        ask(agent, caseId, contracts, first, "\"dueIn\":\"PT4H\"");
        long secondId = read(ask(agent, caseId, finance, second, "\"dueAt\":\"" + Instant.now().plusSeconds(86_400) + "\"")).get("id").asLong();
        String secondLink = TestExpert.link(TestExpert.mailTo(finance, second));

        expert.answer(TestExpert.link(TestExpert.mailTo(contracts, first)), "Ja, met een maand opzegtermijn.");
        assertThat(cases.get(caseId).status()).as("one question is still open").isEqualTo(CaseStatus.PENDING_INTERNAL);

        HttpResponse<String> cancelled = api().postJson("/api/v1/cases/" + caseId + "/consults/" + secondId + "/cancel", tokenFor(agent), "");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(read(cancelled).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(read(cancelled).get("cancelledBy").asString()).isEqualTo("Anne de Vries");
        assertThat(cases.get(caseId).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(cases.history(caseId)).extracting(event -> event.kind()).contains("consult-asked", "consult-cancelled");
        assertThat(expert.open(secondLink).statusCode()).isEqualTo(410);
        assertThat(expert.open(secondLink).body()).contains("withdrew this question");
        assertThat(api().postJson("/api/v1/cases/" + caseId + "/consults/" + secondId + "/cancel", tokenFor(agent), "").statusCode())
                .isEqualTo(409);
    }

    @Test
    void listsOverdueConsultsWithTheirCase() {
        WebcareUser agent = anAgent(PASSWORD);
        long caseId = aCase("Mijn internet valt steeds weg");
        long overdue = read(ask(agent, caseId, unique("noc") + "@example.org", "Is er een storing?", "\"dueIn\":\"PT1S\"")).get("id").asLong();
        long inTime = read(ask(agent, caseId, unique("sales") + "@example.org", "Welk abonnement past?", "\"dueIn\":\"P1D\"")).get("id").asLong();

        org.webcare.support.Eventually.within(java.time.Duration.ofSeconds(5), "the first consult is overdue",
                () -> ids(read(api().get("/api/v1/consults?overdue=true", tokenFor(agent)))).contains(overdue));
        List<Long> overdueIds = ids(read(api().get("/api/v1/consults?overdue=true", tokenFor(agent))));
        assertThat(overdueIds).contains(overdue).doesNotContain(inTime);
        assertThat(ids(read(api().get("/api/v1/consults", tokenFor(agent))))).contains(overdue, inTime);
        JsonNode ofCase = read(api().get("/api/v1/cases/" + caseId + "/consults", tokenFor(agent)));
        assertThat(ofCase.get(0).get("overdue").asBoolean()).isTrue();
        assertThat(ofCase.get(0).get("caseId").asLong()).isEqualTo(caseId);
        assertThat(ofCase.get(1).get("overdue").asBoolean()).isFalse();
    }

    @Test
    void refusesABadQuestionNamingTheField() {
        WebcareUser agent = anAgent(PASSWORD);
        long caseId = aCase("Hallo?");

        assertField(ask(agent, caseId, "", "Vraag", "\"dueIn\":\"PT4H\""), "expertEmail");
        assertField(ask(agent, caseId, "geen adres", "Vraag", "\"dueIn\":\"PT4H\""), "expertEmail");
        assertField(ask(agent, caseId, "a@example.org", " ", "\"dueIn\":\"PT4H\""), "question");
        assertField(ask(agent, caseId, "a@example.org", "Vraag", "\"x\":1"), "dueAt");
        assertField(ask(agent, caseId, "a@example.org", "Vraag", "\"dueIn\":\"vier uur\""), "dueIn");
        assertField(ask(agent, caseId, "a@example.org", "Vraag", "\"dueIn\":\"-PT1H\""), "dueIn");
        assertField(ask(agent, caseId, "a@example.org", "Vraag", "\"dueIn\":\"PT4H\",\"dueAt\":\"2030-01-01T10:00:00Z\""), "dueIn");
        assertField(ask(agent, caseId, "a@example.org", "Vraag", "\"dueAt\":\"2020-01-01T10:00:00Z\""), "dueAt");
        assertThat(ask(agent, 999_999_999L, "a@example.org", "Vraag", "\"dueIn\":\"PT4H\"").statusCode()).isEqualTo(404);
        assertThat(api().postJson("/api/v1/cases/" + caseId + "/consults", null, "{}").statusCode()).isEqualTo(401);
        assertThat(cases.get(caseId).status()).isEqualTo(CaseStatus.NEW);
    }

    private HttpResponse<String> ask(WebcareUser agent, long caseId, String expertAddress, String question, String due) {
        return api().postJson("/api/v1/cases/" + caseId + "/consults", tokenFor(agent), "{\"expertEmail\":"
                + ApiClient.quote(expertAddress) + ",\"question\":" + ApiClient.quote(question) + "," + due + "}");
    }

    private void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(read(response).get("field").asString()).isEqualTo(field);
    }

    private long aCase(String text) {
        var channel = anApiChannel("http://127.0.0.1:9/callback");
        long postId = intake.accept(new InboundPost(channel.channel().id(), unique("dm"), "@klant", "Kees Klant", text,
                Visibility.PRIVATE, Instant.now(), null)).postId();
        return cases.caseOf(postId).orElseThrow().id();
    }

    private static List<Long> ids(JsonNode consults) {
        return consults.valueStream().map(consult -> consult.get("id").asLong()).toList();
    }

    private ApiClient api() {
        return new ApiClient(baseUrl());
    }

    private JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }
}
