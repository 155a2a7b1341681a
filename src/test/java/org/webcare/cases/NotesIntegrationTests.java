package org.webcare.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.support.ApiClient;
import org.webcare.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Internal notes through the REST API: in the case's timeline and history, never to the customer; @mentions. */
class NotesIntegrationTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-agent-password";

    @Autowired
    Intake intake;

    @Autowired
    Cases cases;

    @Autowired
    ObjectMapper json;

    private ApiClient api() {
        return new ApiClient(baseUrl());
    }

    @Test
    void aNoteIsPartOfTheCaseButNeverSentToTheCustomer() {
        WebcareUser agent = anAgent(PASSWORD);
        long caseId = aPrivateQuestion();

        HttpResponse<String> added = api().postJson("/api/v1/cases/" + caseId + "/notes", tokenFor(agent),
                "{\"text\":\"Klant belde ook al <b>twee keer</b>\"}");

        assertThat(added.statusCode()).isEqualTo(201);
        JsonNode note = read(added);
        assertThat(note.get("text").asString()).isEqualTo("Klant belde ook al <b>twee keer</b>");
        assertThat(note.get("authorName").asString()).isEqualTo("Anne de Vries");
        assertThat(note.get("consultId").isNull()).isTrue();

        CaseView view = cases.view(caseId).orElseThrow();
        assertThat(view.timeline()).filteredOn(entry -> entry.kind().equals("note")).singleElement()
                .satisfies(entry -> assertThat(entry.note().text()).isEqualTo("Klant belde ook al <b>twee keer</b>"));
        assertThat(view.replies()).isEmpty();
        assertThat(jdbc.sql("select count(*) from outbound_message where channel_id = ?").param(view.details().channelId())
                .query(Long.class).single()).as("nothing queued for the customer's channel").isZero();
        JsonNode history = read(api().get("/api/v1/cases/" + caseId + "/events", tokenFor(agent)));
        assertThat(history.valueStream().map(event -> event.get("kind").asString())).contains("note-added");
        assertThat(history.valueStream().filter(event -> event.get("kind").asString().equals("note-added")).findFirst().orElseThrow()
                .get("actorName").asString()).isEqualTo("Anne de Vries");
    }

    @Test
    void mentionedColleaguesGetAnUnreadMentionAndUnknownNamesStayText() {
        WebcareUser writer = anAgent(PASSWORD);
        WebcareUser byAddress = users.create(unique("piet.monteur") + "@example.org", "Piet Monteur", PASSWORD, Role.AGENT);
        String firstName = unique("Zeger");
        WebcareUser byFirstName = users.create(unique("z") + "@example.org", firstName + " Smit", PASSWORD, Role.TEAM_LEAD);
        long caseId = aPrivateQuestion();
        String localPart = byAddress.email().substring(0, byAddress.email().indexOf('@'));
        String text = "@" + localPart.toUpperCase() + " en @" + firstName + ", weten jullie dit? @niemand-bekend ook niet.";

        JsonNode note = read(api().postJson("/api/v1/cases/" + caseId + "/notes", tokenFor(writer), "{\"text\":" + ApiClient.quote(text) + "}"));

        assertThat(note.get("text").asString()).isEqualTo(text);
        assertThat(note.get("mentioned").valueStream().map(JsonNode::asString)).containsExactly("Piet Monteur", firstName + " Smit");
        for (WebcareUser mentioned : List.of(byAddress, byFirstName)) {
            JsonNode mentions = read(api().get("/api/v1/mentions", tokenFor(mentioned)));
            assertThat(mentions.size()).isEqualTo(1);
            assertThat(mentions.get(0).get("caseId").asLong()).isEqualTo(caseId);
            assertThat(mentions.get(0).get("authorName").asString()).isEqualTo("Anne de Vries");
            assertThat(mentions.get(0).get("readAt").isNull()).isTrue();
        }
        assertThat(read(api().get("/api/v1/mentions", tokenFor(writer))).size()).isZero();
    }

    @Test
    void aMentionIsSeenAndMarkedReadOnlyByTheColleagueMentioned() {
        WebcareUser writer = anAgent(PASSWORD);
        WebcareUser mentioned = users.create(unique("els") + "@example.org", "Els Expert", PASSWORD, Role.AGENT);
        WebcareUser other = users.create(unique("kim") + "@example.org", "Kim Anders", PASSWORD, Role.AGENT);
        String name = mentioned.email().substring(0, mentioned.email().indexOf('@'));
        long first = aPrivateQuestion();
        long second = aPrivateQuestion();
        api().postJson("/api/v1/cases/" + first + "/notes", tokenFor(writer), "{\"text\":\"@" + name + " eerste\"}");
        api().postJson("/api/v1/cases/" + second + "/notes", tokenFor(writer), "{\"text\":\"@" + name + " tweede\"}");
        JsonNode mine = read(api().get("/api/v1/mentions", tokenFor(mentioned)));
        long older = mine.get(1).get("id").asLong();
        assertThat(mine.get(1).get("caseId").asLong()).isEqualTo(first);

        assertThat(read(api().get("/api/v1/mentions", tokenFor(other))).size()).isZero();
        HttpResponse<String> notYours = api().postJson("/api/v1/mentions/" + older + "/read", tokenFor(other), "");
        assertThat(notYours.statusCode()).isEqualTo(404);
        assertThat(read(api().get("/api/v1/mentions", tokenFor(mentioned))).get(1).get("readAt").isNull()).isTrue();

        HttpResponse<String> read = api().postJson("/api/v1/mentions/" + older + "/read", tokenFor(mentioned), "");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read(read).get("readAt").isNull()).isFalse();
        JsonNode after = read(api().get("/api/v1/mentions", tokenFor(mentioned)));
        assertThat(after.get(0).get("caseId").asLong()).as("unread first").isEqualTo(second);
        assertThat(after.get(1).get("id").asLong()).isEqualTo(older);
        assertThat(after.get(1).get("readAt").isNull()).isFalse();
    }

    @Test
    void refusesAnEmptyNoteNamingTheFieldAndAnUnknownCase() {
        String token = tokenFor(anAgent(PASSWORD));
        long caseId = aPrivateQuestion();

        HttpResponse<String> empty = api().postJson("/api/v1/cases/" + caseId + "/notes", token, "{\"text\":\"   \"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(read(empty).get("field").asString()).isEqualTo("text");
        assertThat(api().postJson("/api/v1/cases/999999999/notes", token, "{\"text\":\"hallo\"}").statusCode()).isEqualTo(404);
        assertThat(api().get("/api/v1/cases/" + caseId + "/notes", null).statusCode()).isEqualTo(401);
        assertThat(api().get("/api/v1/mentions", null).statusCode()).isEqualTo(401);
    }

    private long aPrivateQuestion() {
        var channel = anApiChannel("http://127.0.0.1:9/callback");
        long postId = intake.accept(new InboundPost(channel.channel().id(), unique("dm"), "@klant", "Kees Klant",
                "Mijn factuur klopt niet", Visibility.PRIVATE, Instant.now(), null)).postId();
        return cases.caseOf(postId).orElseThrow().id();
    }

    private JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }
}
