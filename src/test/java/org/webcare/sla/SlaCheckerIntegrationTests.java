package org.webcare.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Actor;
import tools.jackson.databind.JsonNode;

/** Warnings at 80 % and breaches, each announced once per clock, driven by the checker with the test's own time. */
class SlaCheckerIntegrationTests extends SlaTest {

    @Autowired
    SlaChecker checker;

    @Autowired
    HeardSlaEvents heard;

    @Test
    void warnsAtEightyPercentAndReportsTheBreachOnceEachToTheAgentAndTheLeads() {
        Instant posted = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long caseId = caseOf(post("@ines", "@shop hallo?", posted));
        cases.assign(caseId, agent.id(), Actor.user(lead.id(), lead.displayName()), null);
        SlaClock first = clock(caseId, ClockKind.FIRST_RESPONSE, 0);

        checker.check(posted.plus(Duration.ofMinutes(191)));
        assertThat(heard.warnings(first.id())).isZero();

        checker.check(posted.plus(Duration.ofMinutes(192)));
        checker.check(posted.plus(Duration.ofMinutes(200)));
        assertThat(heard.warnings(first.id())).isEqualTo(1);
        assertThat(heard.breaches(first.id())).isZero();
        assertThat(clock(caseId, ClockKind.FIRST_RESPONSE, 0).state(posted.plus(Duration.ofMinutes(200)))).isEqualTo("warning");

        checker.check(posted.plus(Duration.ofHours(4)));
        checker.check(posted.plus(Duration.ofHours(5)));
        clocks.recompute(caseId); // recomputing keeps what was announced
        checker.check(posted.plus(Duration.ofHours(6)));
        assertThat(heard.warnings(first.id())).isEqualTo(1);
        assertThat(heard.breaches(first.id())).isEqualTo(1);
        assertThat(clock(caseId, ClockKind.FIRST_RESPONSE, 0).state(Instant.now())).isEqualTo("breached");

        JsonNode agentsList = json(api.get("/api/v1/sla/notifications", agentToken));
        assertThat(agentsList.get("items").valueStream().filter(n -> n.get("caseId").asLong() == caseId)
                .map(n -> n.get("kind").asString() + ":" + n.get("clockKind").asString()))
                .containsExactlyInAnyOrder("warning:first-response", "breach:first-response");
        assertThat(agentsList.get("unread").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode leadsList = json(api.get("/api/v1/sla/notifications", leadToken));
        assertThat(leadsList.get("items").valueStream().filter(n -> n.get("caseId").asLong() == caseId)).hasSize(2);

        // The agent sees them in the app: a count in the navigation and the list with the case.
        var session = org.webcare.support.WebSession.signIn(baseUrl(), agent.email(), "correct horse battery");
        String page = session.get("/notifications").body();
        assertThat(page).contains("id=\"unread-sla\"").contains("First response: breached")
                .contains("First response: due soon").contains("/cases/" + caseId);

        assertThat(api.postJson("/api/v1/sla/notifications/read", agentToken, "{}").statusCode()).isEqualTo(204);
        assertThat(session.get("/notifications").body()).doesNotContain("id=\"unread-sla\"");
        assertThat(json(api.get("/api/v1/sla/notifications", agentToken)).get("unread").asInt()).isZero();
    }

    @Test
    void aPausedClockNeitherWarnsNorBreaches() {
        Instant posted = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long caseId = caseOf(post("@joop", "@shop vraag", posted));
        cases.changeStatus(caseId, org.webcare.cases.CaseStatus.PENDING_CUSTOMER, Actor.user(agent.id(), agent.displayName()), null);
        SlaClock first = clock(caseId, ClockKind.FIRST_RESPONSE, 0);

        checker.check(posted.plus(Duration.ofHours(30)));

        assertThat(heard.warnings(first.id()) + heard.breaches(first.id())).isZero();
    }

    @Test
    void aBreachIsMailedAndPostedToThePolicysWebhook() throws Exception {
        var bodies = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var hook = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/sla", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hook.start();
        try {
            String team = unique("team") + "@example.org";
            policy("{\"brandId\":" + brand.id() + ",\"name\":\"Gemeld\",\"targets\":{\"firstResponse\":\"PT1H\"},"
                    + "\"notifyEmail\":\"" + team + "\",\"notifyWebhook\":\"http://127.0.0.1:" + hook.getAddress().getPort() + "/sla\"}");
            Instant posted = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            long caseId = caseOf(post("@joop", "@shop is er iemand?", posted));

            checker.check(posted.plus(Duration.ofMinutes(61)));

            checker.check(posted.plus(Duration.ofMinutes(90)));

            // Already past its due time at the first check: the breach is told once, and no belated warning.
            assertThat(org.webcare.support.TestMailServer.to(team)).extracting(mail -> mail.getSubject().replaceAll(" due .*", ""))
                    .containsExactly("SLA breached: case #" + caseId + ", first response");
            assertThat(bodies).singleElement().asString().contains("\"event\":\"sla.breached\"").contains("\"caseId\":" + caseId);
        } finally {
            hook.stop(0);
        }
    }
}
