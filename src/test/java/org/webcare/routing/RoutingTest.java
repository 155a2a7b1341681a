package org.webcare.routing;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Actor;
import org.webcare.cases.Case;
import org.webcare.cases.CaseStatus;
import org.webcare.cases.Cases;
import org.webcare.channel.Brand;
import org.webcare.channel.Channel;
import org.webcare.channel.ChannelType;
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.support.IntegrationTest;

/** Routing's integration tests: each test gets a brand of its own with one channel, and fixtures named by intention. */
abstract class RoutingTest extends IntegrationTest {

    static final String PASSWORD = "a-long-agent-password";
    static final String DUTCH_COMPLAINT = "Ik ben echt ontevreden over jullie slechte service, dit is belachelijk";
    static final String DUTCH_QUESTION = "Hoe kan ik mijn adres wijzigen in de app? Ik zie het nergens staan";
    static final String ENGLISH_QUESTION = "How can I change my address in the app? I cannot find it anywhere";
    static final String DUTCH_OUTAGE = "Sinds vanochtend geen internet meer in de hele straat, wat is er aan de hand";

    @Autowired
    Intake intake;

    @Autowired
    Cases cases;

    @Autowired
    Queues queues;

    @Autowired
    RoutingRules rules;

    @Autowired
    Agents agents;

    @Autowired
    CaseRouting routing;

    @Autowired
    CustomerTags customerTags;

    Brand brand;
    Channel channel;

    @BeforeEach
    void aBrandWithAChannel() {
        brand = channels.createBrand(unique("Energie"), List.of("@" + unique("brand")));
        channel = channels.createChannel(brand.id(), ChannelType.API, "X", "http://127.0.0.1:9/x", true).channel();
    }

    Case aCaseSaying(String text) {
        return aCaseFrom(unique("@klant"), text);
    }

    Case aCaseFrom(String handle, String text) {
        return aCaseOn(channel, handle, text);
    }

    Case aCaseOn(Channel on, String handle, String text) {
        var result = intake.accept(new InboundPost(on.id(), unique("post"), handle, "Kees Klant", text, Visibility.PUBLIC,
                Instant.now(), null, null, true, brand.handles()));
        return cases.caseOf(result.postId()).orElseThrow();
    }

    Case current(Case aCase) {
        return cases.get(aCase.id());
    }

    WebcareUser anAvailableAgent() {
        WebcareUser agent = anAgent(PASSWORD);
        agents.setStatus(agent.id(), AgentStatus.AVAILABLE);
        return agent;
    }

    WebcareUser aTeamLead() {
        return users.create(unique("lead") + "@example.org", "Lotte Lead", PASSWORD, Role.TEAM_LEAD);
    }

    Queue aQueue(String name, Strategy strategy, WebcareUser... members) {
        return queues.create(brand.id(), name, null, strategy, false, Arrays.stream(members).map(WebcareUser::id).toList());
    }

    Queue aDefaultQueue(String name, Strategy strategy, WebcareUser... members) {
        return queues.create(brand.id(), name, null, strategy, true, Arrays.stream(members).map(WebcareUser::id).toList());
    }

    RoutingRule aRule(String name, Queue queue, Conditions conditions) {
        return rules.create(brand.id(), new RuleDraft(name, queue.id(), conditions.channelIds(), conditions.languages(),
                conditions.intents().stream().map(i -> i.json()).toList(), conditions.queryIds(),
                conditions.sentiment() == null ? null : conditions.sentiment().json(), conditions.maxPriority(),
                conditions.customerTags()));
    }

    String queueOf(Case aCase) {
        return routing.of(aCase.id()).map(CaseRoute::queueName).orElse(null);
    }

    void resolve(Case aCase) {
        cases.changeStatus(aCase.id(), CaseStatus.RESOLVED, Actor.WEBCARE, "test");
    }

    static Conditions languages(String... codes) {
        return new Conditions(null, List.of(codes), null, null, null, null, null);
    }

    static Conditions intents(org.webcare.shared.Intent... intents) {
        return new Conditions(null, null, List.of(intents), null, null, null, null);
    }
}
