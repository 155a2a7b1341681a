package org.webcare.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Cases;
import org.webcare.channel.Brand;
import org.webcare.channel.ChannelType;
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.routing.Queues;
import org.webcare.routing.Strategy;
import org.webcare.shared.Visibility;
import org.webcare.support.ApiClient;
import org.webcare.support.IntegrationTest;

/** Who may open the routing pages, and that names typed by users are shown as text. */
class RoutingPagesIntegrationTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-agent-password";
    private static final String HOSTILE = "<script>alert(1)</script>";

    @Autowired
    Queues queues;

    @Autowired
    Intake intake;

    @Autowired
    Cases cases;

    @Test
    void theRoutingPageIsForTeamLeadsAndShowsNamesAsText() {
        WebcareUser lead = users.create(unique("lead") + "@example.org", "Lotte Lead", PASSWORD, Role.TEAM_LEAD);
        Brand brand = channels.createBrand(unique("Energie"));
        queues.create(brand.id(), HOSTILE, HOSTILE, Strategy.MANUAL, true, List.of());
        ApiClient api = new ApiClient(baseUrl());

        assertThat(api.get("/routing", tokenFor(anAgent(PASSWORD))).statusCode()).isEqualTo(403);
        HttpResponse<String> page = api.get("/routing", tokenFor(lead));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(brand.name()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(HOSTILE);
    }

    @Test
    void theCasePanelIsAPageOfItsOwnOrAFragmentForHtmx() {
        WebcareUser agent = anAgent(PASSWORD);
        Brand brand = channels.createBrand(unique("Energie"), List.of("@" + unique("energie")));
        long channelId = channels.createChannel(brand.id(), ChannelType.API, "X", "http://127.0.0.1:9/x", true).channel().id();
        queues.create(brand.id(), HOSTILE, null, Strategy.MANUAL, true, List.of());
        var post = intake.accept(new InboundPost(channelId, unique("post"), unique("@klant"), "Kees", "Hoe kan ik mijn adres wijzigen?",
                Visibility.PUBLIC, Instant.now(), null, null, true, brand.handles()));
        long caseId = cases.caseOf(post.postId()).orElseThrow().id();
        String token = tokenFor(agent);
        ApiClient api = new ApiClient(baseUrl());

        HttpResponse<String> page = api.get("/cases/" + caseId + "/routing", token);
        HttpResponse<String> fragment = api.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/cases/" + caseId + "/routing"))
                .header("Authorization", "Bearer " + token).header("HX-Request", "true").GET().build());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html").contains("id=\"routing-panel\"").contains("id=\"status-switch\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(HOSTILE);
        assertThat(fragment.body()).doesNotContain("<html").contains("id=\"routing-panel\"").contains("/routing/claim");
        assertThat(fragment.body()).as("only team leads assign").doesNotContain("/routing/assign");
        assertThat(api.get("/cases/-1/routing", token).statusCode()).isEqualTo(404);
    }
}
