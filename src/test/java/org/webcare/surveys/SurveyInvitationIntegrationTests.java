package org.webcare.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.webcare.cases.CaseStatus;
import org.webcare.shared.Visibility;
import org.webcare.support.Eventually;

/** The invitation after resolution: once, after the delay, in the customer's language and channel, within limits. */
class SurveyInvitationIntegrationTests extends SurveyTest {

    @Test
    void aResolvedCaseGetsOneDutchInvitationPrivatelyInItsChannelAfterTheDelay() {
        surveysOn(Map.of("kind", "csat", "askBy", "page", "delay", "PT1H"));
        long caseId = answeredAndResolved(post("@kees", "@shop hallo, mijn pakket is nog steeds niet aangekomen, kunnen jullie even kijken?"));

        assertThat(invitations.sendDue(later(Duration.ofMinutes(30)))).as("not before the delay").isZero();
        assertThat(invitationsOf(caseId)).isEmpty();

        invitations.sendDue(later(Duration.ofMinutes(61)));
        invitations.sendDue(later(Duration.ofMinutes(90)));

        assertThat(invitationsOf(caseId)).singleElement().satisfies(reply -> {
            assertThat(reply.visibility()).isEqualTo(Visibility.PRIVATE);
            assertThat(reply.authorName()).isEqualTo(brand.name());
            assertThat(reply.text()).startsWith("Hoe tevreden ben je over onze hulp? Laat het ons weten: " + baseUrl() + "/s/");
        });
        Survey survey = surveyOf(caseId);
        assertThat(survey.status()).isEqualTo(SurveyStatus.SENT);
        assertThat(survey.language()).isEqualTo("nl");
        assertThat(survey.agentUserId()).as("the agent who replied last").isEqualTo(agent.id());
        assertThat(survey.expiresAt()).isEqualTo(survey.sentAt().plus(Duration.ofDays(7)));
        Eventually.within(Duration.ofSeconds(10), "the invitation reaches the platform",
                () -> platform.bodies().stream().map(JSON::readTree).anyMatch(body -> body.get("text").asString().contains("Laat het ons weten")
                        && body.get("visibility").asString().equals("private")));
        assertThat(cases.get(caseId).status()).as("an invitation does not reopen the case").isEqualTo(CaseStatus.RESOLVED);
    }

    @Test
    void anEnglishCustomerIsAskedInEnglishWithTheBrandsOwnQuestion() {
        surveysOn(Map.of("kind", "nps", "questionEn", "Would you recommend {brand}?"));
        long caseId = answeredAndResolved(post("@john", "@shop hello, my parcel has not arrived yet and I have been waiting for a week"));

        invitations.sendDue(later(Duration.ofHours(2)));

        assertThat(invitationsOf(caseId)).singleElement().satisfies(reply ->
                assertThat(reply.text()).startsWith("Would you recommend " + brand.name() + "? Let us know: "));
        assertThat(surveyOf(caseId).language()).isEqualTo("en");
        assertThat(surveyOf(caseId).kind()).isEqualTo(SurveyKind.NPS);
    }

    @Test
    void aCaseReopenedBeforeTheDelayIsNotSurveyedUntilResolvedAgain() {
        surveysOn(Map.of());
        long first = post("@lies", "@shop hallo, mijn factuur klopt niet, er staat een bedrag dubbel op");
        long caseId = answeredAndResolved(first);
        post("@lies", "@shop sorry, nog een vraag: wanneer krijg ik het geld terug?");
        assertThat(cases.get(caseId).status()).isEqualTo(CaseStatus.OPEN);

        invitations.sendDue(later(Duration.ofHours(2)));

        assertThat(invitationsOf(caseId)).isEmpty();
        assertThat(surveyOf(caseId).status()).isEqualTo(SurveyStatus.CANCELLED);
        assertThat(surveyOf(caseId).reason()).contains("reopened");

        cases.changeStatus(caseId, CaseStatus.RESOLVED, org.webcare.cases.Actor.user(agent.id(), agent.displayName()), "done");
        invitations.sendDue(later(Duration.ofHours(2)));
        assertThat(invitationsOf(caseId)).hasSize(1);
        assertThat(surveyOf(caseId).status()).isEqualTo(SurveyStatus.SENT);
    }

    @Test
    void aCustomerIsAskedAtMostOncePerPeriod() {
        surveysOn(Map.of("customerInterval", "P30D"));
        long firstCase = answeredAndResolved(post("@mark", "@shop hallo, mijn bestelling is kapot aangekomen, wat nu?",
                java.time.Instant.now().minus(Duration.ofDays(3))));
        invitations.sendDue(later(Duration.ofHours(2)));
        assertThat(invitationsOf(firstCase)).hasSize(1);

        // Written three days after the first, beyond the follow-up window: a new case of the same customer.
        long later = post("@mark", "@shop hallo, nu is mijn tweede bestelling ook te laat, hoe kan dat?");
        long secondCase = answeredAndResolved(later);
        assertThat(secondCase).isNotEqualTo(firstCase);
        invitations.sendDue(later(Duration.ofHours(2)));

        assertThat(invitationsOf(secondCase)).isEmpty();
        assertThat(surveyOf(secondCase).status()).isEqualTo(SurveyStatus.SKIPPED);
        assertThat(surveyOf(secondCase).reason()).contains("the customer was asked on");

        // Another customer of the same brand is asked as usual.
        long other = answeredAndResolved(post("@noor", "@shop hoi, kan ik mijn adres nog wijzigen voor de levering?"));
        invitations.sendDue(later(Duration.ofHours(2)));
        assertThat(invitationsOf(other)).hasSize(1);
    }

    @Test
    void noSurveyWhenTheBrandDoesNotSurveyOrTheCaseWasResolvedLongAgo() {
        long off = answeredAndResolved(post("@piet", "@shop hallo, waar blijft mijn retour? al twee weken niets gehoord"));
        assertThat(surveys.ofCase(off)).as("surveys are off by default").isEmpty();

        surveysOn(Map.of());
        long old = answeredAndResolved(post("@truus", "@shop hallo, de app doet het niet meer sinds de update van gisteren"));
        // As if the job had been down for two days: the case's resolution is older than a day by then.
        jdbc.sql("update support_case set resolved_at = resolved_at - interval '3 days' where id = ?").param(old).update();
        invitations.sendDue(later(Duration.ofHours(2)));

        assertThat(invitationsOf(old)).isEmpty();
        assertThat(surveyOf(old).status()).isEqualTo(SurveyStatus.SKIPPED);
        assertThat(surveyOf(old).reason()).isEqualTo("the case was resolved too long ago");
    }

    @Test
    void inChannelTheNextNumberIsTheAnswerAndTheCaseStaysResolved() {
        surveysOn(Map.of("kind", "nps", "askBy", "in-channel"));
        long caseId = answeredAndResolved(post("@sanne", "@shop hallo, ik kan niet inloggen op mijn account, wat moet ik doen?"));
        invitations.sendDue(later(Duration.ofHours(2)));
        assertThat(invitationsOf(caseId)).singleElement().satisfies(reply -> assertThat(reply.text())
                .isEqualTo("Hoe waarschijnlijk is het dat je " + brand.name() + " aanbeveelt aan een vriend of collega?"
                        + " Antwoord met een cijfer van 0 tot 10 (10 = zeer waarschijnlijk)."));

        long answer = post("@sanne", "9/10 snel geholpen!");

        Survey survey = surveyOf(caseId);
        assertThat(survey.status()).isEqualTo(SurveyStatus.ANSWERED);
        assertThat(survey.score()).isEqualTo(9);
        assertThat(survey.comment()).isEqualTo("snel geholpen!");
        assertThat(survey.answeredVia()).isEqualTo("CHANNEL");
        assertThat(caseOf(answer)).as("the answer is part of the case").isEqualTo(caseId);
        assertThat(cases.get(caseId).status()).isEqualTo(CaseStatus.RESOLVED);

        post("@sanne", "8 toch nog een vraag over mijn abonnement");
        assertThat(cases.get(caseId).status()).as("after the answer, a post reopens the case as usual").isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void inChannelAPostThatIsNoScoreReopensTheCase() {
        surveysOn(Map.of("kind", "csat", "askBy", "in-channel"));
        long caseId = answeredAndResolved(post("@bas", "@shop hallo, mijn korting is niet verrekend op de factuur"));
        invitations.sendDue(later(Duration.ofHours(2)));

        post("@bas", "9");  // out of the 1-5 scale
        assertThat(cases.get(caseId).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(surveyOf(caseId).status()).isEqualTo(SurveyStatus.SENT);
    }

    @Test
    void twoNodesSendingAtOnceSendEachInvitationOnce() throws Exception {
        surveysOn(Map.of());
        long caseId = answeredAndResolved(post("@eva", "@shop hallo, mijn abonnement is opgezegd zonder dat ik dat vroeg"));
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var first = pool.submit(() -> { start.await(); return invitations.sendDue(later(Duration.ofHours(2))); });
            var second = pool.submit(() -> { start.await(); return invitations.sendDue(later(Duration.ofHours(2))); });
            start.countDown();
            first.get();
            second.get();
        }
        assertThat(invitationsOf(caseId)).hasSize(1);
    }

    @Test
    void aTeamLeadReadsOneSurveyOverRest() {
        surveysOn(Map.of("kind", "ces"));
        long caseId = answeredAndResolved(post("@olga", "@shop hallo, hoe verander ik mijn betaalmethode?"));
        invitations.sendDue(later(Duration.ofHours(2)));
        long id = surveyOf(caseId).id();

        var survey = json(api.get("/api/v1/surveys/" + id, leadToken));
        assertThat(survey.get("caseId").asLong()).isEqualTo(caseId);
        assertThat(survey.get("status").asString()).isEqualTo("SENT");
        assertThat(survey.get("kind").asString()).isEqualTo("CES");
        assertThat(survey.get("agentName").asString()).isEqualTo(agent.displayName());
        assertThat(survey.has("tokenHash")).isFalse();
        assertThat(api.get("/api/v1/surveys/999999999", leadToken).statusCode()).isEqualTo(404);
    }

    @Test
    void onAChannelWithoutPrivateRepliesTheInvitationIsPublicAndInChannelFallsBackOnTheDemoChannel() {
        surveysOn(Map.of("askBy", "in-channel"));
        channel = channels.createChannel(brand.id(), org.webcare.channel.ChannelType.API, "Public", platform.url(), false).channel().id();
        long publicCase = answeredAndResolvedPublicly(post("@wim", "@shop hallo, jullie winkel in Utrecht is vandaag dicht?"));
        invitations.sendDue(later(Duration.ofHours(2)));
        assertThat(invitationsOf(publicCase)).singleElement().satisfies(reply -> {
            assertThat(reply.visibility()).isEqualTo(Visibility.PUBLIC);
            assertThat(reply.text()).contains("Antwoord met een cijfer van 1 tot 5");
        });

        channel = channels.createChannel(brand.id(), org.webcare.channel.ChannelType.DEMO, "Demo", null, true).channel().id();
        long demoCase = answeredAndResolved(post("@joop", "@shop hallo, kan ik ook met iDEAL betalen in de webshop?"));
        invitations.sendDue(later(Duration.ofHours(2)));
        assertThat(surveyOf(demoCase).askBy()).as("answers on the demo channel never come back").isEqualTo(AskBy.PAGE);
        assertThat(invitationsOf(demoCase)).singleElement().satisfies(reply -> assertThat(reply.text()).contains("/s/"));
    }

    private long answeredAndResolvedPublicly(long postId) {
        long caseId = caseOf(postId);
        replies.send(postId, "We kijken ernaar", Visibility.PUBLIC, agent.id(), agent.displayName());
        cases.changeStatus(caseId, CaseStatus.RESOLVED, org.webcare.cases.Actor.user(agent.id(), agent.displayName()), "solved");
        return caseId;
    }
}
