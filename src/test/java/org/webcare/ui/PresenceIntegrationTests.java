package org.webcare.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Cases;
import org.webcare.channel.NewChannel;
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.support.ApiClient;
import org.webcare.support.IntegrationTest;
import org.webcare.support.WebSession;

/** Two agents on one case, as their pages report it: each sees the other viewing or typing, never themselves. */
class PresenceIntegrationTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-enough-password";

    @Autowired
    Intake intake;

    @Autowired
    Cases cases;

    @Test
    void agentsOnOneCaseSeeEachOtherViewingAndTypingButNotThemselves() {
        long caseId = aCase();
        WebcareUser anne = anAgent(PASSWORD);
        WebcareUser bram = users.create(unique("bram") + "@example.org", "Bram Bakker", PASSWORD, Role.AGENT);
        WebSession annesPage = WebSession.signIn(baseUrl(), anne.email(), PASSWORD);
        WebSession bramsPage = WebSession.signIn(baseUrl(), bram.email(), PASSWORD);

        HttpResponse<String> first = annesPage.post("/cases/" + caseId + "/presence", Map.of("typing", "false"));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).doesNotContain("presence-other");

        HttpResponse<String> typing = bramsPage.post("/cases/" + caseId + "/presence", Map.of("typing", "true"));
        assertThat(typing.body()).contains("Anne de Vries is viewing").doesNotContain("Bram Bakker");

        HttpResponse<String> seen = annesPage.post("/cases/" + caseId + "/presence", Map.of("typing", "false"));
        assertThat(seen.body()).contains("Bram Bakker is typing\u2026").doesNotContain("Anne de Vries");

        String annesView = new ApiClient(baseUrl()).get("/api/v1/cases/" + caseId + "/presence", tokenFor(anne)).body();
        assertThat(annesView).contains("\"name\":\"Bram Bakker\"").contains("\"typing\":true").doesNotContain("Anne de Vries");

        HttpResponse<String> panel = annesPage.get("/cases/" + caseId + "/presence");
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).contains("data-presence-url=\"/cases/" + caseId + "/presence\"")
                .contains("every 10s").contains("Bram Bakker is typing");
    }

    @Test
    void namesAreEscapedAndUnknownCasesRefused() {
        long caseId = aCase();
        WebcareUser anne = anAgent(PASSWORD);
        WebcareUser hostile = users.create(unique("x") + "@example.org", "<img src=x onerror=alert(1)>", PASSWORD, Role.AGENT);
        WebSession.signIn(baseUrl(), hostile.email(), PASSWORD).post("/cases/" + caseId + "/presence", Map.of("typing", "false"));
        WebSession annesPage = WebSession.signIn(baseUrl(), anne.email(), PASSWORD);

        String body = annesPage.post("/cases/" + caseId + "/presence", Map.of()).body();

        assertThat(body).contains("&lt;img src=x onerror=alert(1)&gt; is viewing").doesNotContain("<img");
        assertThat(annesPage.post("/cases/-1/presence", Map.of("typing", "true")).statusCode()).isEqualTo(404);
        assertThat(new ApiClient(baseUrl()).get("/api/v1/cases/-1/presence", tokenFor(anne)).statusCode()).isEqualTo(404);
        assertThat(new ApiClient(baseUrl()).get("/api/v1/cases/" + caseId + "/presence", null).statusCode()).isEqualTo(401);
    }

    private long aCase() {
        NewChannel channel = anApiChannel("http://127.0.0.1:9/x");
        long postId = intake.accept(new InboundPost(channel.channel().id(), unique("p"), unique("@klant"), "Kees Klant",
                "Waar blijft mijn pakket?", Visibility.PUBLIC, Instant.now(), null, null, true, List.of())).postId();
        return cases.caseOf(postId).orElseThrow().id();
    }
}
