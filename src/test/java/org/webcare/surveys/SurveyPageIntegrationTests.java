package org.webcare.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.webcare.support.WebSession;

/** The public survey page: no sign-in, no session, one answer per link, nothing of the case shown. */
class SurveyPageIntegrationTests extends SurveyTest {

    private static final Pattern LINK = Pattern.compile("/s/([A-Za-z0-9_-]{22})");

    /** A browser without cookies: what a customer's phone sends. */
    private final HttpClient anonymous = HttpClient.newHttpClient();

    private String surveyLink(String text, Map<String, Object> fields) {
        surveysOn(fields);
        long caseId = answeredAndResolved(post("@kim", text));
        invitations.sendDue(later(Duration.ofHours(2)));
        String invitation = invitationsOf(caseId).getFirst().text();
        Matcher m = LINK.matcher(invitation);
        assertThat(m.find()).as(invitation).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String path) {
        try {
            return anonymous.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> answer(String token, String score, String comment) {
        String form = "score=" + URLEncoder.encode(score, StandardCharsets.UTF_8) + "&comment=" + URLEncoder.encode(comment, StandardCharsets.UTF_8);
        try {
            return anonymous.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/s/" + token))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCustomerAnswersOnceWithoutSigningInAndSeesOnlyTheBrand() {
        String token = surveyLink("@shop hallo, mijn geheime ordernummer 99887766 is kwijtgeraakt, kunnen jullie helpen?", Map.of("kind", "csat"));

        HttpResponse<String> page = get("/s/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains(brand.name()).contains("Hoe tevreden ben je over de hulp van " + brand.name() + "?")
                .contains("aria-label=\"1 – zeer ontevreden\"").contains("aria-label=\"5 – zeer tevreden\"")
                .doesNotContain("99887766").doesNotContain("_csrf");
        assertThat(page.body().split("type=\"radio\"", -1)).hasSize(6);
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));

        HttpResponse<String> thanks = answer(token, "4", "  Snel en vriendelijk <script>alert(1)</script>  ");
        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(thanks.body()).contains("Bedankt!");
        assertThat(thanks.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));

        HttpResponse<String> again = answer(token, "1", "changed my mind");
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("Je hebt deze enquête al beantwoord");
        Survey survey = surveys.find(surveyIdOf(token)).orElseThrow();
        assertThat(survey.status()).isEqualTo(SurveyStatus.ANSWERED);
        assertThat(survey.score()).isEqualTo(4);
        assertThat(survey.comment()).isEqualTo("Snel en vriendelijk <script>alert(1)</script>");
        assertThat(survey.answeredVia()).isEqualTo("PAGE");

        // The lead's report shows the comment as text, never as markup.
        WebSession session = WebSession.signIn(baseUrl(), lead.email(), PASSWORD);
        String report = session.get("/reports/surveys?brand=" + brand.id()).body();
        assertThat(report).contains("Snel en vriendelijk &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    @Test
    void theNpsScaleHasElevenLabelledButtonsAndTheLanguageCanBeSwitched() {
        String token = surveyLink("@shop hello, my invoice shows a double charge for last month, please check", Map.of("kind", "nps"));

        String english = get("/s/" + token).body();
        assertThat(english.split("type=\"radio\"", -1)).hasSize(12);
        assertThat(english).contains("aria-label=\"0 – not at all likely\"").contains("aria-label=\"10 – extremely likely\"")
                .contains("How likely are you to recommend " + brand.name());
        String dutch = get("/s/" + token + "?lang=nl").body();
        assertThat(dutch).contains("Hoe waarschijnlijk is het dat je " + brand.name()).contains("lang=\"nl\"");

        settings.save(brand.id(), Map.of("questionEn", "Would you recommend {brand} to <b>friends</b>?"), "test");
        assertThat(get("/s/" + token).body()).as("the brand's own question, escaped")
                .contains("Would you recommend " + brand.name() + " to &lt;b&gt;friends&lt;/b&gt;?");
    }

    @Test
    void aScoreOutOfTheScaleIsRefusedAndNothingIsStored() {
        String token = surveyLink("@shop hallo, de monteur is niet langs geweest vandaag", Map.of("kind", "csat"));

        HttpResponse<String> refused = answer(token, "9", "");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Kies eerst een cijfer.");
        assertThat(surveys.find(surveyIdOf(token)).orElseThrow().status()).isEqualTo(SurveyStatus.SENT);
        assertThat(answer(token, "", "").statusCode()).isEqualTo(400);
        assertThat(answer(token, "2", "x".repeat(2001)).statusCode()).isEqualTo(400);
        assertThat(answer(token, "2", "x".repeat(2000)).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownAndExpiredLinksSaySoWithoutDetails() {
        HttpResponse<String> unknown = get("/s/AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Survey not found");
        assertThat(get("/s/not-a-token").statusCode()).isEqualTo(404);

        String token = surveyLink("@shop hallo, mijn wachtwoord resetten lukt niet", Map.of());
        jdbc.sql("update survey set expires_at = now() - interval '1 minute' where id = ?").param(surveyIdOf(token)).update();
        HttpResponse<String> expired = get("/s/" + token);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("Deze enquête is gesloten").contains(brand.name());
        assertThat(answer(token, "5", "").statusCode()).isEqualTo(410);
        assertThat(surveys.find(surveyIdOf(token)).orElseThrow().score()).isNull();
    }

    private long surveyIdOf(String token) {
        return jdbc.sql("select id from survey where token_hash = ?").param(SurveyTokens.TOKENS.hash(token)).query(Long.class).single();
    }
}
