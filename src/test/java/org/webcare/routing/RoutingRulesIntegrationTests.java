package org.webcare.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Case;
import org.webcare.channel.Channel;
import org.webcare.channel.ChannelType;
import org.webcare.identity.WebcareUser;
import org.webcare.listening.SavedQueries;
import org.webcare.shared.ConflictException;
import org.webcare.shared.Intent;
import org.webcare.shared.SentimentLabel;

/** Which queue a case opens in: rules in order, each kind of condition, the default queue, unrouted cases. */
class RoutingRulesIntegrationTests extends RoutingTest {

    @Autowired
    SavedQueries savedQueries;

    @Autowired
    RoutingSweep sweep;

    @Test
    void theFirstMatchingRuleWinsInTheOrderTheLeadSet() {
        Queue dutch = aQueue("Nederlands", Strategy.MANUAL);
        Queue complaints = aQueue("Klachten", Strategy.MANUAL);
        aDefaultQueue("Algemeen", Strategy.MANUAL);
        RoutingRule byLanguage = aRule("Nederlandstalig", dutch, languages("nl"));
        RoutingRule byIntent = aRule("Klachten eerst", complaints, intents(Intent.COMPLAINT));

        Case first = aCaseSaying(DUTCH_COMPLAINT);
        assertThat(queueOf(first)).isEqualTo("Nederlands");
        assertThat(routing.of(first.id()).orElseThrow().ruleName()).isEqualTo("Nederlandstalig");

        rules.reorder(brand.id(), List.of(byIntent.id(), byLanguage.id()));
        Case second = aCaseSaying(DUTCH_COMPLAINT);
        Case question = aCaseSaying(DUTCH_QUESTION);

        assertThat(queueOf(second)).isEqualTo("Klachten");
        assertThat(queueOf(question)).as("not a complaint, so the next rule").isEqualTo("Nederlands");
        assertThat(rules.ofBrand(brand.id())).extracting(RoutingRule::name).containsExactly("Klachten eerst", "Nederlandstalig");
    }

    @Test
    void aCaseThatMatchesNoRuleGoesToTheDefaultQueue() {
        Queue english = aQueue("English", Strategy.MANUAL);
        aDefaultQueue("Algemeen", Strategy.MANUAL);
        aRule("English", english, languages("en"));

        Case dutch = aCaseSaying(DUTCH_QUESTION);

        assertThat(queueOf(dutch)).isEqualTo("Algemeen");
        assertThat(routing.of(dutch.id()).orElseThrow().ruleId()).isNull();
    }

    @Test
    void withoutADefaultQueueACaseStaysUnroutedAndVisibleAsSuch() {
        Queue english = aQueue("English", Strategy.MANUAL);
        aRule("English", english, languages("en"));

        Case dutch = aCaseSaying(DUTCH_QUESTION);

        CaseRoute route = routing.of(dutch.id()).orElseThrow();
        assertThat(route.routed()).isFalse();
        assertThat(routing.unroutedCounts()).containsEntry(brand.id(), 1);

        // Once the brand has a default queue, the sweep routes what waited unrouted.
        aDefaultQueue("Algemeen", Strategy.MANUAL);
        sweep.sweep();
        assertThat(queueOf(dutch)).isEqualTo("Algemeen");
        assertThat(routing.unroutedCounts()).doesNotContainKey(brand.id());
    }

    @Test
    void routingAgainFollowsChangedRulesAndLeavesTheAgentWhoHasTheCase() {
        WebcareUser anne = anAvailableAgent();
        Queue general = aDefaultQueue("Algemeen", Strategy.ROUND_ROBIN, anne);
        Queue english = aQueue("English", Strategy.ROUND_ROBIN, anne);
        Case waiting = aCaseSaying(ENGLISH_QUESTION);
        assertThat(queueOf(waiting)).isEqualTo("Algemeen");
        assertThat(current(waiting).assigneeId()).isEqualTo(anne.id());

        aRule("English", english, languages("en"));
        routing.reroute(waiting.id());

        assertThat(queueOf(waiting)).isEqualTo("English");
        assertThat(current(waiting).assigneeId()).isEqualTo(anne.id());
        assertThat(general.isDefault()).isTrue();
    }

    @Test
    void routesByChannel() {
        Channel facebook = channels.createChannel(brand.id(), ChannelType.API, "Facebook", "http://127.0.0.1:9/x", true).channel();
        Queue social = aQueue("Facebook", Strategy.MANUAL);
        aDefaultQueue("Algemeen", Strategy.MANUAL);
        aRule("Facebook", social, new Conditions(List.of(facebook.id()), null, null, null, null, null, null));

        assertThat(queueOf(aCaseOn(facebook, unique("@klant"), DUTCH_QUESTION))).isEqualTo("Facebook");
        assertThat(queueOf(aCaseSaying(DUTCH_QUESTION))).isEqualTo("Algemeen");
    }

    @Test
    void routesByLanguage() {
        Queue english = aQueue("English", Strategy.MANUAL);
        aDefaultQueue("Algemeen", Strategy.MANUAL);
        aRule("English", english, languages("en", "de"));

        assertThat(queueOf(aCaseSaying(ENGLISH_QUESTION))).isEqualTo("English");
        assertThat(queueOf(aCaseSaying(DUTCH_QUESTION))).isEqualTo("Algemeen");
    }

    @Test
    void routesByAnyOfTheIntents() {
        Queue escalations = aQueue("Escalaties", Strategy.MANUAL);
        aDefaultQueue("Algemeen", Strategy.MANUAL);
        aRule("Storingen en opzeggingen", escalations, intents(Intent.URGENT, Intent.CANCEL));

        assertThat(queueOf(aCaseSaying(DUTCH_OUTAGE))).isEqualTo("Escalaties");
        assertThat(queueOf(aCaseSaying(DUTCH_QUESTION))).isEqualTo("Algemeen");
    }

    @Test
    void routesByMatchedSavedQuery() {
        String term = unique("zonnepaneel").replace("-", "");
        long queryId = savedQueries.save(unique("Zonnepanelen"), term, null).id();
        Queue solar = aQueue("Zonnepanelen", Strategy.MANUAL);
        aDefaultQueue("Algemeen", Strategy.MANUAL);
        aRule("Zonnepanelen", solar, new Conditions(null, null, null, List.of(queryId), null, null, null));

        assertThat(queueOf(aCaseSaying("Mijn " + term + " geeft een foutmelding, wat moet ik doen"))).isEqualTo("Zonnepanelen");
        assertThat(queueOf(aCaseSaying(DUTCH_QUESTION))).isEqualTo("Algemeen");
    }

    @Test
    void routesBySentiment() {
        Queue unhappy = aQueue("Ontevreden", Strategy.MANUAL);
        aDefaultQueue("Algemeen", Strategy.MANUAL);
        aRule("Negatief", unhappy, new Conditions(null, null, null, null, SentimentLabel.NEGATIVE, null, null));

        assertThat(queueOf(aCaseSaying(DUTCH_COMPLAINT))).isEqualTo("Ontevreden");
        assertThat(queueOf(aCaseSaying("Bedankt voor de snelle hulp gisteren, echt top geholpen!"))).isEqualTo("Algemeen");
    }

    @Test
    void routesByPriorityAtMost() {
        Queue urgent = aQueue("Spoed", Strategy.MANUAL);
        aDefaultQueue("Algemeen", Strategy.MANUAL);
        aRule("Prioriteit 1 tot 3", urgent, new Conditions(null, null, null, null, null, 3, null));

        Case outage = aCaseSaying(DUTCH_OUTAGE);
        Case question = aCaseSaying(DUTCH_QUESTION);

        assertThat(outage.priority().value()).isLessThanOrEqualTo(3);
        assertThat(question.priority().value()).isGreaterThan(3);
        assertThat(queueOf(outage)).isEqualTo("Spoed");
        assertThat(queueOf(question)).isEqualTo("Algemeen");
    }

    @Test
    void routesByCustomerTag() {
        String vip = unique("@vip");
        customerTags.set(brand.id(), vip.toUpperCase(), List.of("VIP", "journalist"));
        Queue vips = aQueue("VIP", Strategy.MANUAL);
        aDefaultQueue("Algemeen", Strategy.MANUAL);
        aRule("VIP", vips, new Conditions(null, null, null, null, null, null, List.of("vip")));

        assertThat(customerTags.of(brand.id(), vip)).containsExactly("journalist", "vip");
        assertThat(queueOf(aCaseFrom(vip, DUTCH_QUESTION))).isEqualTo("VIP");
        assertThat(queueOf(aCaseSaying(DUTCH_QUESTION))).isEqualTo("Algemeen");
    }

    @Test
    void allConditionsOfARuleMustHold() {
        Queue dutchComplaints = aQueue("Klachten NL", Strategy.MANUAL);
        aDefaultQueue("Algemeen", Strategy.MANUAL);
        aRule("Nederlandse klachten", dutchComplaints,
                new Conditions(null, List.of("nl"), List.of(Intent.COMPLAINT), null, null, null, null));

        assertThat(queueOf(aCaseSaying(DUTCH_COMPLAINT))).isEqualTo("Klachten NL");
        assertThat(queueOf(aCaseSaying(DUTCH_QUESTION))).isEqualTo("Algemeen");
        assertThat(queueOf(aCaseSaying("This is terrible service, I am really disappointed in you"))).isEqualTo("Algemeen");
    }

    @Test
    void refusesRulesThatPointOutsideTheBrandAndNamesTheField() {
        Queue own = aQueue("Eigen", Strategy.MANUAL);
        var other = channels.createBrand(unique("Ander"));
        Queue foreign = queues.create(other.id(), "Vreemd", null, Strategy.MANUAL, false, List.of());

        assertThatThrownBy(() -> rules.create(brand.id(), new RuleDraft("x", foreign.id(), null, null, null, null, null, null, null)))
                .hasMessageStartingWith("queueId:");
        assertThatThrownBy(() -> rules.create(brand.id(), new RuleDraft("x", own.id(), null, List.of("nederlands"), null, null, null, null, null)))
                .hasMessageStartingWith("languages:");
        assertThatThrownBy(() -> rules.create(brand.id(), new RuleDraft("x", own.id(), null, null, List.of("boos"), null, null, null, null)))
                .hasMessageStartingWith("intents:");
        assertThatThrownBy(() -> rules.create(brand.id(), new RuleDraft("x", own.id(), null, null, null, null, null, 9, null)))
                .hasMessageStartingWith("maxPriority:");
        assertThatThrownBy(() -> rules.create(brand.id(), new RuleDraft("x", own.id(), null, null, null, null, null, null, List.of("<b>"))))
                .hasMessageStartingWith("customerTags:");
        assertThat(rules.ofBrand(brand.id())).isEmpty();

        aRule("Alles", own, Conditions.none());
        assertThatThrownBy(() -> queues.remove(own.id())).isInstanceOf(ConflictException.class).hasMessageContaining("Alles");
    }
}
