package org.webcare.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.webcare.channel.NewChannel;
import org.webcare.crisis.CrisisDetected;
import org.webcare.listening.SavedQueries;
import org.webcare.listening.SavedQuery;
import org.webcare.support.ApiClient;
import org.webcare.support.Eventually;
import org.webcare.support.IntegrationTest;
import org.webcare.support.TestMailServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class AlertsIntegrationTests extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Autowired
    SavedQueries queries;

    @Autowired
    AlertRules rules;

    @Autowired
    AlertWindows windows;

    @Autowired
    AlertSender sender;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ObjectMapper json;

    @Test
    void anInstantRuleMailsTheFirstMatchAtOnceAndTheNextOnesTogetherWhenTheQuietWindowEnds() throws Exception {
        String word = aWord();
        SavedQuery query = aQuery(word);
        String to = aRecipient();
        AlertRule rule = rules.save(query.id(), null, "instant", List.of(to), null, null);
        Poster poster = new Poster();

        poster.post("Eerste storing " + word);
        // The quiet window opens when the first alert is made; the next posts arrive well inside it.
        Eventually.within(PATIENCE, "the first alert", () -> alerts(rule) == 1);
        poster.post("Tweede storing " + word);
        poster.post("Derde storing " + word);
        poster.post("Vierde storing " + word);
        Eventually.within(PATIENCE, "the second alert mail", () -> TestMailServer.to(to).size() >= 2);
        assertThat(alerts(rule)).isEqualTo(2);

        List<MimeMessage> mails = TestMailServer.to(to);
        assertThat(mails).hasSize(2);
        assertThat(mails.get(0).getSubject()).startsWith("[Webcare] 1 new post for \"" + query.name() + "\"");
        assertThat(text(mails.get(0))).contains("Eerste storing").doesNotContain("Tweede storing");
        assertThat(mails.get(1).getSubject()).startsWith("[Webcare] 3 new posts for \"" + query.name() + "\"");
        assertThat(text(mails.get(1))).contains("Tweede storing", "Derde storing", "Vierde storing").doesNotContain("Eerste storing");
        List<Instant[]> alerts = jdbc.sql("""
                        select a.window_start, a.window_end, d.sent_at from alert a join alert_delivery d on d.alert_id = a.id
                        where a.rule_id = ? order by a.id
                        """).param(rule.id())
                .query((rs, n) -> new Instant[] {rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()})
                .list();
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(1)[2]).as("the second mail waits for the quiet window to end").isAfterOrEqualTo(alerts.get(0)[1]);
    }

    @Test
    void anHourlyDigestGroupsThePostsByQueryWithLinksAndEscapedText() throws Exception {
        String outage = aWord();
        String refund = aWord();
        SavedQuery outages = aQuery(outage);
        SavedQuery refunds = aQuery(refund);
        String to = aRecipient();
        rules.save(outages.id(), null, "hourly", List.of(to), null, null);
        rules.save(refunds.id(), null, "HOURLY", List.of(to), null, null);
        Poster poster = new Poster();
        Instant now = Instant.now();

        long hostile = poster.post("Hack &lt;script&gt;alert('x')&lt;/script&gt; " + outage);
        poster.post("Nog steeds geen internet " + outage);
        poster.post("Waar blijft mijn geld " + refund);
        int beforeTheHourEnds = windows.close(now);
        windows.close(now.plus(Duration.ofHours(1)));
        sender.sendDue(now.plus(Duration.ofHours(1)));

        assertThat(beforeTheHourEnds).isZero();
        List<MimeMessage> mails = TestMailServer.to(to);
        assertThat(mails).as("one digest for both queries").hasSize(1);
        MimeMessage digest = mails.getFirst();
        assertThat(digest.getSubject()).matches("\\[Webcare] 3 new posts for \"(" + outages.name() + "|" + refunds.name()
                + ")\", \"(" + outages.name() + "|" + refunds.name() + ")\" \\(\\d\\d:00–\\d\\d:00\\)");
        String html = part(digest, "text/html");
        String plain = part(digest, "text/plain");
        assertThat(html).contains(">" + outages.name() + "</a>", ">" + refunds.name() + "</a>", "Nog steeds geen internet", "Waar blijft mijn geld");
        assertThat(html.indexOf(outages.name())).isLessThan(html.indexOf("Nog steeds geen internet"));
        assertThat(html).contains(baseUrl() + "/inbox/threads/" + hostile + "?post=" + hostile);
        assertThat(html).contains("Hack &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>");
        assertThat(plain).contains("Hack <script>alert('x')</script>", "== " + refunds.name() + " ==", "/inbox/threads/" + hostile);
    }

    @Test
    void aDailyDigestIsSentOnceHoweverOftenTheWorkerRuns() throws Exception {
        String word = aWord();
        SavedQuery query = aQuery(word);
        String to = aRecipient();
        AlertRule rule = rules.save(query.id(), null, "daily", List.of(to), null, null);
        Poster poster = new Poster();
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));

        poster.post("Klacht over de factuur " + word);
        poster.post("Nog een klacht " + word);
        windows.close(tomorrow);
        windows.close(tomorrow);
        sender.sendDue(tomorrow);
        sender.sendDue(tomorrow.plusSeconds(1));
        windows.close(tomorrow.plus(Duration.ofDays(1)));
        sender.sendDue(tomorrow.plus(Duration.ofDays(1)));

        assertThat(TestMailServer.to(to)).hasSize(1);
        assertThat(TestMailServer.to(to).getFirst().getSubject()).contains("2 new posts");
        assertThat(jdbc.sql("select count(*) from alert where rule_id = ?").param(rule.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAlertInterruptedMidSendIsSentOnceMoreAfterItsLeaseWithTheSameMessageId() throws Exception {
        String word = aWord();
        SavedQuery query = aQuery(word);
        String to = aRecipient();
        AlertRule rule = rules.save(query.id(), null, "daily", List.of(to), null, null);
        new Poster().post("Storing bij de buren " + word);
        Instant later = Instant.now().plus(Duration.ofDays(1));
        windows.close(later);
        sender.sendDue(later);
        // A crash after the mail left but before it was marked sent: the row is as the claim left it.
        jdbc.sql("""
                update alert_delivery set state = 'PENDING', sent_at = null, attempts = 0, next_attempt_at = ?
                where alert_id in (select id from alert where rule_id = ?)
                """).params(java.sql.Timestamp.from(later.plusSeconds(2)), rule.id()).update();

        sender.sendDue(later.plusSeconds(1));
        int whileClaimed = TestMailServer.to(to).size();
        sender.sendDue(later.plusSeconds(2));
        sender.sendDue(later.plusSeconds(60));

        assertThat(whileClaimed).as("nothing is sent again while the lease holds").isEqualTo(1);
        List<MimeMessage> mails = TestMailServer.to(to);
        assertThat(mails).as("one retry after the lease, no more").hasSize(2);
        assertThat(mails.get(1).getMessageID()).isEqualTo(mails.get(0).getMessageID()).startsWith("<webcare-alert-");
    }

    @Test
    void aWebhookReceivesJsonThatSlackAndTeamsAccept() throws Exception {
        String word = aWord();
        SavedQuery query = aQuery(word);
        try (WebhookReceiver hook = new WebhookReceiver()) {
            rules.save(query.id(), null, "instant", List.of(), hook.url(), null);

            long post = new Poster().post("Tom & Jerry <3 you > all " + word);
            Eventually.within(PATIENCE, "the webhook call", () -> hook.bodies().size() == 1);

            JsonNode body = json.readTree(hook.bodies().getFirst());
            assertThat(hook.contentTypes().getFirst()).startsWith("application/json");
            assertThat(body.get("text").isString()).isTrue();
            String text = body.get("text").asString();
            assertThat(text).startsWith("1 new post for \"" + query.name() + "\"")
                    .contains("Tom &amp; Jerry &lt;3 you &gt; all")
                    .doesNotContain("<3")
                    .contains(baseUrl() + "/inbox/threads/" + post + "?post=" + post);
        }
    }

    @Test
    void aWebhookThatFailsIsRetriedWhileTheEmailOfTheSameRuleGoesOut() throws Exception {
        String word = aWord();
        SavedQuery query = aQuery(word);
        String to = aRecipient();
        try (WebhookReceiver hook = new WebhookReceiver().failingFirst(2)) {
            AlertRule rule = rules.save(query.id(), null, "instant", List.of(to), hook.url(), null);

            new Poster().post("Alweer uitval " + word);
            Eventually.within(PATIENCE, "the e-mail", () -> TestMailServer.to(to).size() == 1);
            Eventually.within(PATIENCE, "the webhook after its retries", () -> hook.bodies().size() == 1);

            Eventually.within(PATIENCE, "the webhook delivery recorded as sent after 3 attempts", () -> jdbc.sql("""
                    select count(*) from alert_delivery d join alert a on a.id = d.alert_id
                    where a.rule_id = ? and d.target = 'WEBHOOK' and d.state = 'SENT' and d.attempts = 3
                    """).param(rule.id()).query(Long.class).single() == 1);
            assertThat(hook.attempts()).isEqualTo(3);
        }
    }

    @Test
    void theApiRefusesAWebhookToAnInternalAddressAndABadAddressNamingTheField() {
        SavedQuery query = aQuery(aWord());
        ApiClient api = new ApiClient(baseUrl());
        String token = tokenFor(anAgent("long-enough-password"));

        var metadata = api.postJson("/api/v1/alerts", token,
                "{\"queryId\":" + query.id() + ",\"cadence\":\"instant\",\"webhookUrl\":\"http://169.254.169.254/latest/meta-data\"}");
        var privateNet = api.postJson("/api/v1/alerts", token,
                "{\"queryId\":" + query.id() + ",\"cadence\":\"instant\",\"webhookUrl\":\"http://[::ffff:192.168.1.10]/hook\"}");
        var badEmail = api.postJson("/api/v1/alerts", token,
                "{\"queryId\":" + query.id() + ",\"cadence\":\"hourly\",\"emails\":[\"team@example.org\",\"nobody\"]}");
        var badCadence = api.postJson("/api/v1/alerts", token,
                "{\"queryId\":" + query.id() + ",\"cadence\":\"weekly\",\"emails\":[\"team@example.org\"]}");

        assertThat(metadata.statusCode()).isEqualTo(400);
        assertThat(metadata.body()).contains("\"field\":\"webhookUrl\"").contains("169.254.169.254").contains("link-local");
        assertThat(privateNet.statusCode()).isEqualTo(400);
        assertThat(privateNet.body()).contains("\"field\":\"webhookUrl\"").contains("192.168.1.10, a private address");
        assertThat(badEmail.statusCode()).isEqualTo(400);
        assertThat(badEmail.body()).contains("\"field\":\"emails\"").contains("'nobody' is not an e-mail address");
        assertThat(badCadence.body()).contains("\"field\":\"cadence\"").contains("weekly");
        assertThat(rules.forQuery(query.id())).isEmpty();
    }

    @Test
    void theApiCreatesListsAndDeletesRulesWithoutShowingWebhookSecrets() throws Exception {
        SavedQuery query = aQuery(aWord());
        ApiClient api = new ApiClient(baseUrl());
        String token = tokenFor(anAgent("long-enough-password"));

        var created = api.postJson("/api/v1/alerts", token, "{\"queryId\":" + query.id()
                + ",\"cadence\":\"daily\",\"emails\":[\"a@example.org\"],\"webhookUrl\":\"http://localhost:9/services/T0/B0/secret\"}");
        long id = json.readTree(created.body()).get("id").asLong();
        var listed = api.get("/api/v1/alerts", token);
        var deleted = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/v1/alerts/" + id))
                .header("Authorization", "Bearer " + token).DELETE().build());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(listed.body()).contains("\"id\":" + id).contains("http://localhost:9/…").doesNotContain("secret");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(rules.find(id)).isEmpty();
        assertThat(api.get("/api/v1/alerts", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aCrisisIsMailedAtOnceWithItsReasonAndTheLiveView() throws Exception {
        var brand = channels.createBrand(unique("Crisismerk"));
        String to = aRecipient();
        rules.save(null, brand.id(), "daily", List.of(to), null, null);
        long driving = new Poster().post("Iedereen zonder stroom in Utrecht " + aWord());
        CrisisDetected crisis = new CrisisDetected(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000), CrisisDetected.Scope.BRAND,
                brand.id(), brand.name(), CrisisDetected.Kind.VOLUME, 42, "42 posts in 15 minutes, 6 expected",
                List.of(driving), Instant.now(), "/crisis/live/7");

        transactions.executeWithoutResult(status -> events.publishEvent(crisis));
        transactions.executeWithoutResult(status -> events.publishEvent(crisis));
        Eventually.within(PATIENCE, "the crisis mail", () -> TestMailServer.to(to).size() == 1);

        MimeMessage mail = TestMailServer.to(to).getFirst();
        assertThat(mail.getSubject()).isEqualTo("[Webcare] Crisis for \"" + brand.name() + "\": 42 posts in 15 minutes, 6 expected");
        String html = part(mail, "text/html");
        assertThat(html).contains("Volume spike", "42 posts in 15 minutes, 6 expected", baseUrl() + "/crisis/live/7",
                "Iedereen zonder stroom in Utrecht", "/inbox/threads/" + driving);
        assertThat(jdbc.sql("select count(*) from alert a join alert_rule r on r.id = a.rule_id where r.brand_id = ?")
                .param(brand.id()).query(Long.class).single()).as("the same crisis level alerts once").isEqualTo(1);
    }

    private long alerts(AlertRule rule) {
        return jdbc.sql("select count(*) from alert where rule_id = ?").param(rule.id()).query(Long.class).single();
    }

    /** A word no other test's post contains, so a query on it sees only this test's posts. */
    private static String aWord() {
        return "zq" + UUID.randomUUID().toString().substring(0, 8);
    }

    private SavedQuery aQuery(String word) {
        return queries.save(unique("Alert"), word, null);
    }

    private static String aRecipient() {
        return unique("team") + "@example.org";
    }

    /** Posts through a fresh API channel, as a platform would. */
    private final class Poster {

        private final ApiClient api = new ApiClient(baseUrl());
        private final NewChannel channel = anApiChannel("http://127.0.0.1:9/replies");

        long post(String text) {
            var response = api.deliverPost(channel.channel().id(), channel.secret(), ApiClient.aPost(unique("p"), text));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return Long.parseLong(response.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        }
    }

    private static String text(MimeMessage message) throws MessagingException, IOException {
        return part(message, "text/plain");
    }

    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = part(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
