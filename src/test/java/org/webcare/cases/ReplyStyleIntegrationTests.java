package org.webcare.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.channel.ChannelType;
import org.webcare.identity.Role;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.support.ApiClient;
import org.webcare.support.IntegrationTest;

/** Each brand's tone and order numbers, and the advice to go private, as agents and team leads meet them. */
class ReplyStyleIntegrationTests extends IntegrationTest {

    @Autowired
    ReplyStyles styles;

    @Autowired
    ReplyAdvice advice;

    @Autowired
    Intake intake;

    @Autowired
    Cases cases;

    @Autowired
    Replies replies;

    @Test
    void eachBrandHasItsOwnToneAndOrderNumbers() {
        var formal = channels.createBrand(unique("Verzekeraar"));
        var personal = channels.createBrand(unique("Webshop"));
        styles.set(personal.id(), "personal", "WS-\\d{5}");

        ReplyStyles.ReplyStyle formalStyle = styles.of(formal.id());
        ReplyStyles.ReplyStyle personalStyle = styles.of(personal.id());
        String draft = "Kun je je ordernummer WS-12345 checken?";

        assertThat(formalStyle.own()).isFalse();
        assertThat(formalStyle.check().check(draft, formalStyle.tone(), true)).extracting(ReplyCheck.Finding::kind)
                .contains("tone").doesNotContain("order");
        assertThat(personalStyle.check().check(draft, personalStyle.tone(), true)).extracting(ReplyCheck.Finding::kind)
                .contains("order").doesNotContain("tone");
    }

    @Test
    void aPublicReplyWithTheBrandsOrderNumberIsRefusedAtSend() {
        var brand = channels.createBrand(unique("Webshop"), List.of("@shop"));
        styles.set(brand.id(), "personal", "WS-\\d{5}");
        long channel = channels.createChannel(brand.id(), ChannelType.API, "X", "http://127.0.0.1:9/x", true).channel().id();
        long post = intake.accept(new InboundPost(channel, unique("t"), "@klant", null, "@shop waar is mijn pakket?",
                Visibility.PUBLIC, Instant.now().truncatedTo(ChronoUnit.SECONDS), null, null, false, brand.handles(), "api", null)).postId();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> replies.send(post, "Je bestelling WS-12345 is onderweg", Visibility.PUBLIC, null, "Anne"))
                .hasMessageStartingWith("text:");
        assertThat(replies.send(post, "Je bestelling WS-12345 is onderweg", Visibility.PRIVATE, null, "Anne").text())
                .contains("WS-12345");
    }

    @Test
    void onlyTeamLeadsSetAStyleAndBadPatternsAreNamed() {
        var brand = channels.createBrand(unique("Bank"));
        var api = new ApiClient(baseUrl());
        String agentToken = tokenFor(anAgent("correct horse battery"));
        String leadToken = tokenFor(users.create(unique("lead") + "@example.org", "Lotte Lead", "correct horse battery", Role.TEAM_LEAD));

        assertThat(put(api, "/api/v1/brands/" + brand.id() + "/reply-style", agentToken, "{\"tone\":\"personal\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> bad = put(api, "/api/v1/brands/" + brand.id() + "/reply-style", leadToken,
                "{\"tone\":\"personal\",\"orderNumberPattern\":\"ORD-(\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"orderNumberPattern\"");
        HttpResponse<String> set = put(api, "/api/v1/brands/" + brand.id() + "/reply-style", leadToken,
                "{\"tone\":\"personal\",\"orderNumberPattern\":\"ORD-\\\\d{6}\"}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/brands/" + brand.id() + "/reply-style", agentToken).body())
                .contains("\"tone\":\"personal\"").contains("\"own\":true");
    }

    @Test
    void advisesGoingPrivateForPersonalDataAndForComplaintsAboutAnAccount() {
        var brand = channels.createBrand(unique("Bank"), List.of("@bank"));
        long channel = channels.createChannel(brand.id(), ChannelType.API, "X", "http://127.0.0.1:9/x", true).channel().id();
        long sharedPhone = post(channel, brand.handles(), "@bank bel me even op 06-12345678");
        long accountComplaint = post(channel, brand.handles(), "@bank schandalig, mijn rekening is al 3 dagen geblokkeerd!!");
        long question = post(channel, brand.handles(), "@bank hoe laat zijn jullie open?");

        assertThat(adviceFor(sharedPhone)).extracting(ReplyAdvice.Reason::kind, ReplyAdvice.Reason::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("personal-data", "phone"));
        assertThat(adviceFor(accountComplaint)).extracting(ReplyAdvice.Reason::kind).containsExactly("account-complaint");
        assertThat(adviceFor(question)).isEmpty();
    }

    private List<ReplyAdvice.Reason> adviceFor(long postId) {
        return advice.goPrivate(cases.view(cases.caseOf(postId).orElseThrow().id()).orElseThrow());
    }

    private long post(long channel, List<String> handles, String text) {
        return intake.accept(new InboundPost(channel, unique("t"), unique("@klant"), null, text, Visibility.PUBLIC,
                Instant.now().truncatedTo(ChronoUnit.SECONDS), null, null, false, handles, "api", null)).postId();
    }

    private HttpResponse<String> put(ApiClient api, String path, String token, String body) {
        return api.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
