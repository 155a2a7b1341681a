package org.webcare.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Actor;
import org.webcare.cases.ApprovalPolicies;
import org.webcare.cases.ApprovalPolicy;
import org.webcare.cases.Cases;
import org.webcare.cases.Replies;
import org.webcare.cases.Reply;
import org.webcare.cases.ReplyApprovals;
import org.webcare.cases.ReplyState;
import org.webcare.channel.NewChannel;
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.support.IntegrationTest;
import org.webcare.support.WebSession;

/** The approval queue page and the case page's approval panel, as signed-in agents and team leads use them. */
class ApprovalPagesIntegrationTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-enough-password";

    @Autowired
    Intake intake;

    @Autowired
    Cases cases;

    @Autowired
    Replies replies;

    @Autowired
    ReplyApprovals approvals;

    @Autowired
    ApprovalPolicies policies;

    @Test
    void onlyTeamLeadsOpenTheQueueWhichShowsThePostAndTheDraftEscaped() {
        WebcareUser agent = anAgent(PASSWORD);
        WebcareUser lead = aLead();
        long postId = aPostInACase("Waar is mijn pakket? Al 3 weken onderweg");
        Reply held = aHeldReply(postId, agent, "Wij zoeken het uit <script>alert('draft')</script>.");

        WebSession leadsPage = WebSession.signIn(baseUrl(), lead.email(), PASSWORD);
        HttpResponse<String> page = leadsPage.get("/approvals");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-reply-id=\"" + held.id() + "\"")
                .contains("Waar is mijn pakket? Al 3 weken onderweg")
                .contains("Wij zoeken het uit &lt;script&gt;alert(&#39;draft&#39;)&lt;/script&gt;.")
                .doesNotContain("<script>alert")
                .contains("class=\"nav-count\"");

        WebSession agentsPage = WebSession.signIn(baseUrl(), agent.email(), PASSWORD);
        assertThat(agentsPage.get("/approvals").statusCode()).isEqualTo(403);
        assertThat(agentsPage.post("/approvals/" + held.id() + "/approve", Map.of("text", "Akkoord")).statusCode()).isEqualTo(403);
        assertThat(agentsPage.get("/inbox").body()).doesNotContain("nav-approvals");
        assertThat(replies.find(held.id()).orElseThrow().state()).isEqualTo(ReplyState.AWAITING_APPROVAL);
    }

    @Test
    void aLeadsEditWithPersonalDataIsRefusedInPlaceAndAnEditWithoutIsApproved() {
        WebcareUser agent = anAgent(PASSWORD);
        WebcareUser lead = aLead();
        Reply held = aHeldReply(aPostInACase("Mijn factuur klopt niet"), agent, "We kijken naar uw factuur.");
        WebSession leadsPage = WebSession.signIn(baseUrl(), lead.email(), PASSWORD);

        HttpResponse<String> refused = leadsPage.post("/approvals/" + held.id() + "/approve",
                Map.of("text", "We storten het terug op NL91 ABNA 0417 1643 00."));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("looks like a bank account number (IBAN)")
                .contains("We storten het terug op NL91 ABNA 0417 1643 00.</textarea>");
        assertThat(replies.find(held.id()).orElseThrow().state()).isEqualTo(ReplyState.AWAITING_APPROVAL);

        HttpResponse<String> approved = leadsPage.post("/approvals/" + held.id() + "/approve",
                Map.of("text", "We kijken naar uw factuur\r\nen mailen u vandaag."));
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(approved.body()).contains("Approved by Bram de Leider: queued for delivery.");
        Reply queued = replies.find(held.id()).orElseThrow();
        assertThat(queued.state()).isEqualTo(ReplyState.QUEUED);
        assertThat(queued.text()).isEqualTo("We kijken naar uw factuur\nen mailen u vandaag.");

        HttpResponse<String> late = leadsPage.post("/approvals/" + held.id() + "/return", Map.of("comment", "Toch niet"));
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(late.body()).contains("it was approved by Bram de Leider");
    }

    @Test
    void theCasePanelShowsAReturnedReplyWithItsCommentAndOnlyItsAuthorResubmitsIt() {
        WebcareUser agent = anAgent(PASSWORD);
        WebcareUser colleague = users.create(unique("carla") + "@example.org", "Carla Claes", PASSWORD, Role.AGENT);
        WebcareUser lead = aLead();
        long postId = aPostInACase("Mijn internet ligt eruit");
        long caseId = cases.caseOf(postId).orElseThrow().id();
        Reply held = aHeldReply(postId, agent, "Herstart je modem maar.");
        approvals.returnToAuthor(held.id(), "Graag formeel <u>, niet je.", Actor.user(lead.id(), lead.displayName()));

        WebSession authorsPage = WebSession.signIn(baseUrl(), agent.email(), PASSWORD);
        HttpResponse<String> panel = authorsPage.get("/cases/" + caseId + "/approval");
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).contains("data-state=\"RETURNED\"")
                .contains("Bram de Leider: Graag formeel &lt;u&gt;, niet je.")
                .contains("/cases/" + caseId + "/approval/" + held.id() + "/resubmit");

        WebSession colleaguesPage = WebSession.signIn(baseUrl(), colleague.email(), PASSWORD);
        assertThat(colleaguesPage.get("/cases/" + caseId + "/approval").body()).doesNotContain("/resubmit");
        assertThat(colleaguesPage.post("/cases/" + caseId + "/approval/" + held.id() + "/resubmit",
                Map.of("text", "Herstart uw modem.")).statusCode()).isEqualTo(403);
        assertThat(colleaguesPage.post("/cases/" + caseId + "/approval/" + held.id() + "/approve", Map.of()).statusCode())
                .as("agents do not approve").isEqualTo(403);

        HttpResponse<String> resubmitted = authorsPage.post("/cases/" + caseId + "/approval/" + held.id() + "/resubmit",
                Map.of("text", "Wilt u uw modem herstarten? Dan kijken wij mee."));
        assertThat(resubmitted.statusCode()).isEqualTo(200);
        assertThat(resubmitted.body()).contains("data-state=\"AWAITING_APPROVAL\"").contains("Awaiting approval")
                .contains("Wilt u uw modem herstarten? Dan kijken wij mee.");
        assertThat(replies.find(held.id()).orElseThrow().state()).isEqualTo(ReplyState.AWAITING_APPROVAL);

        WebSession leadsPage = WebSession.signIn(baseUrl(), lead.email(), PASSWORD);
        assertThat(leadsPage.post("/cases/" + caseId + "/approval/" + held.id() + "/return", Map.of("comment", " ")).statusCode())
                .isEqualTo(422);
        HttpResponse<String> approvedHere = leadsPage.post("/cases/" + caseId + "/approval/" + held.id() + "/approve",
                Map.of("text", "Wilt u uw modem herstarten? Dan kijken wij mee."));
        assertThat(approvedHere.statusCode()).isEqualTo(200);
        assertThat(approvedHere.body()).doesNotContain("data-reply-id=\"" + held.id() + "\"");
        assertThat(replies.find(held.id()).orElseThrow().state()).isEqualTo(ReplyState.QUEUED);
        assertThat(leadsPage.get("/cases/-1/approval").statusCode()).isEqualTo(404);
    }

    private long aPostInACase(String text) {
        NewChannel channel = anApiChannel("http://127.0.0.1:9/x");
        policies.create(channel.channel().brandId(), null, ApprovalPolicy.Kind.ALL, null);
        return intake.accept(new InboundPost(channel.channel().id(), unique("p"), unique("@klant"), "Kees Klant", text,
                Visibility.PUBLIC, Instant.now(), null, null, true, List.of())).postId();
    }

    private Reply aHeldReply(long postId, WebcareUser agent, String text) {
        Reply held = replies.send(postId, text, Visibility.PUBLIC, agent.id(), agent.displayName());
        assertThat(held.state()).isEqualTo(ReplyState.AWAITING_APPROVAL);
        return held;
    }

    private WebcareUser aLead() {
        return users.create(unique("lead") + "@example.org", "Bram de Leider", PASSWORD, Role.TEAM_LEAD);
    }
}
