package org.webcare.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.channel.Brand;
import org.webcare.channel.ChannelType;
import org.webcare.channel.NewChannel;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.intake.IntakeResult;
import org.webcare.shared.Visibility;
import org.webcare.support.IntegrationTest;

/** How posts become cases: reply chains, follow-ups, direct messages after a public post, reopening. */
class CaseThreadingIntegrationTests extends IntegrationTest {

    @Autowired
    Intake intake;

    @Autowired
    Cases cases;

    @Autowired
    CaseHousekeeping housekeeping;

    Brand brand;
    long channel;
    Instant now;

    @BeforeEach
    void aBrandWithAChannel() {
        brand = channels.createBrand(unique("Brand"), List.of("@bank"));
        channel = channels.createChannel(brand.id(), ChannelType.API, "X", "http://127.0.0.1:9/x", true).channel().id();
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void aReplyChainIsOneCase() {
        long first = post("t1", "@kees", "@bank mijn pas werkt niet", Visibility.PUBLIC, now.minusSeconds(600), null);
        long reply = post("t2", "@kees", "nog steeds niet trouwens", Visibility.PUBLIC, now.minusSeconds(60), "t1");

        Case found = caseOf(first);
        assertThat(caseOf(reply).id()).isEqualTo(found.id());
        assertThat(cases.view(found.id()).orElseThrow().posts()).hasSize(2);
    }

    @Test
    void aReplyThatArrivesBeforeItsParentEndsUpInTheParentsCase() {
        long reply = post("late-2", "@kees", "@bank en nu?", Visibility.PUBLIC, now.minusSeconds(60), "late-1");
        long parent = post("late-1", "@kees", "@bank storing bij het inloggen", Visibility.PUBLIC, now.minusSeconds(600), null);

        assertThat(caseOf(parent).id()).isEqualTo(caseOf(reply).id());
    }

    @Test
    void aDirectMessageAfterAPublicPostJoinsItsCase() {
        long mention = post("m1", "@kees", "@bank ik ben mijn pas kwijt", Visibility.PUBLIC, now.minus(Duration.ofDays(3)), null);
        // "We've sent you a DM": the customer answers privately days later, while the case is still being handled.
        long dm = post("dm1", "@Kees", "Mijn klantnummer is 12345", Visibility.PRIVATE, now, null);

        assertThat(caseOf(dm).id()).isEqualTo(caseOf(mention).id());
    }

    @Test
    void aFollowUpWithinTheWindowJoinsAndALaterPublicPostOpensANewCase() {
        long first = post("f1", "@kees", "@bank app doet raar", Visibility.PUBLIC, now.minus(Duration.ofDays(3)), null);
        long followUp = post("f2", "@kees", "@bank hallo??", Visibility.PUBLIC, now.minus(Duration.ofDays(3)).plusSeconds(3600), null);
        long muchLater = post("f3", "@kees", "@bank andere vraag: rente?", Visibility.PUBLIC, now, null);

        assertThat(caseOf(followUp).id()).isEqualTo(caseOf(first).id());
        assertThat(caseOf(muchLater).id()).isNotEqualTo(caseOf(first).id());
        // The history dates the opening when the customer wrote, not when Webcare happened to store it.
        assertThat(caseOf(first).openedAt()).isEqualTo(now.minus(Duration.ofDays(3)));
        assertThat(cases.history(caseOf(first).id()).getFirst().at()).isEqualTo(now.minus(Duration.ofDays(3)));
    }

    @Test
    void overheardPostsAndSpamOpenNoCaseUntilAnAgentMakesOne() {
        long overheard = post("o1", "@iemand", "Banken zijn allemaal hetzelfde", Visibility.PUBLIC, now, null);
        long spam = post("s1", "@spammer", "@bank Koop nu goedkope volgers! Klik hier www.spam.example", Visibility.PUBLIC, now, null);

        assertThat(cases.caseOf(overheard)).isEmpty();
        assertThat(cases.caseOf(spam)).isEmpty();

        Case made = cases.open(overheard, Actor.WEBCARE);
        assertThat(made.status()).isEqualTo(CaseStatus.NEW);
        assertThat(cases.caseOf(overheard)).map(Case::id).contains(made.id());
    }

    @Test
    void theCustomerWritingMovesAPendingCaseBackToOpen() {
        long first = post("p1", "@kees", "@bank waar blijft mijn pas?", Visibility.PUBLIC, now.minusSeconds(600), null);
        Case found = caseOf(first);
        cases.changeStatus(found.id(), CaseStatus.OPEN, Actor.WEBCARE, null);
        cases.changeStatus(found.id(), CaseStatus.PENDING_CUSTOMER, Actor.WEBCARE, "asked for the card number");

        post("p2", "@kees", "Hier is het nummer", Visibility.PUBLIC, now, "p1");

        assertThat(cases.get(found.id()).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(cases.history(found.id())).anySatisfy(event -> {
            assertThat(event.kind()).isEqualTo("status");
            assertThat(event.to()).isEqualTo("open");
            assertThat(event.actorId()).isNull();
            assertThat(event.reason()).isEqualTo("the customer wrote");
        });
    }

    @Test
    void aResolvedCaseReopensWithinThePeriodAndLaterANewLinkedCaseOpens() {
        var agent = anAgent("correct horse battery");
        long first = post("r1", "@kees", "@bank mijn pas is geblokkeerd", Visibility.PUBLIC, now.minus(Duration.ofDays(1)), null);
        Case found = caseOf(first);
        cases.assign(found.id(), agent.id(), Actor.user(agent.id(), agent.displayName()), null);
        cases.changeStatus(found.id(), CaseStatus.RESOLVED, Actor.user(agent.id(), agent.displayName()), "new card sent");

        long again = post("r2", "@kees", "@bank pas werkt nog steeds niet", Visibility.PUBLIC, now, "r1");

        Case reopened = caseOf(again);
        assertThat(reopened.id()).isEqualTo(found.id());
        assertThat(reopened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(cases.history(found.id())).extracting(CaseEvent::kind).contains("reopened");

        cases.changeStatus(found.id(), CaseStatus.RESOLVED, Actor.user(agent.id(), agent.displayName()), "fixed");
        // Resolved long ago: the customer's next message is a new case, linked to the old one.
        jdbc.sql("update support_case set resolved_at = now() - interval '30 days' where id = ?").param(found.id()).update();
        long third = post("r3", "@kees", "@bank opnieuw een probleem", Visibility.PUBLIC, now.plusSeconds(1), "r2");

        Case next = caseOf(third);
        assertThat(next.id()).isNotEqualTo(found.id());
        assertThat(next.previousCaseId()).isEqualTo(found.id());
        assertThat(next.status()).isEqualTo(CaseStatus.NEW);
    }

    @Test
    void housekeepingClosesCasesResolvedLongerAgoThanTheReopenPeriod() {
        long first = post("h1", "@kees", "@bank dank!", Visibility.PUBLIC, now, null);
        Case found = caseOf(first);
        cases.changeStatus(found.id(), CaseStatus.RESOLVED, Actor.WEBCARE, null);

        housekeeping.runAt(Instant.now().plus(Duration.ofDays(8)));

        Case closed = cases.get(found.id());
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closedAt()).isNotNull();
    }

    @Test
    void twoMessagesOfOneCustomerArrivingTogetherOpenOneCase() throws Exception {
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Long>> both = List.of(
                    () -> post("c1", "@gelijk", "@bank hallo", Visibility.PRIVATE, now, null),
                    () -> post("c2", "@gelijk", "@bank is daar iemand?", Visibility.PRIVATE, now.plusSeconds(1), null));
            var results = pool.invokeAll(both);
            assertThat(caseOf(results.get(0).get()).id()).isEqualTo(caseOf(results.get(1).get()).id());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aPostDeliveredTwiceIsInItsCaseOnce() {
        long first = post("d1", "@kees", "@bank dubbel", Visibility.PUBLIC, now, null);
        long again = post("d1", "@kees", "@bank dubbel", Visibility.PUBLIC, now, null);

        assertThat(again).isEqualTo(first);
        assertThat(cases.view(caseOf(first).id()).orElseThrow().posts()).hasSize(1);
    }

    private long post(String externalId, String handle, String text, Visibility visibility, Instant at, String inReplyTo) {
        IntakeResult result = intake.accept(new InboundPost(channel, externalId, handle, null, text, visibility, at,
                inReplyTo, null, false, brand.handles(), "api", null));
        return result.postId();
    }

    private Case caseOf(long postId) {
        Optional<Case> found = cases.caseOf(postId);
        assertThat(found).as("case of post " + postId).isPresent();
        return found.get();
    }
}
