package org.webcare.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.alerting.AlertRules;
import org.webcare.channel.ChannelType;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.listening.SavedQueries;
import org.webcare.shared.Visibility;
import org.webcare.sla.SlaChecker;
import org.webcare.support.ApiClient;
import org.webcare.support.Eventually;
import org.webcare.support.IntegrationTest;
import org.webcare.support.TestMailServer;

/**
 * Imported history does not set off what is meant for live traffic: no SLA breach mails or webhooks for clocks that
 * were due long ago, no auto-replies, no listening alerts. A live post on the same brand, with the same policy and
 * alert rule, does: so the silence is the import's, not a broken mail path.
 */
class QuietHistoryTests extends IntegrationTest {

    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss xx yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Autowired
    TwcsImport twcs;

    @Autowired
    org.webcare.cases.Cases cases;

    @org.junit.jupiter.api.AfterEach
    void putImportedCasesAway() {
        ImportedCasesCleanup.resolveOpenImportedCases(jdbc, cases);
    }

    @Autowired
    SlaChecker checker;

    @Autowired
    Intake intake;

    @Autowired
    SavedQueries queries;

    @Autowired
    AlertRules rules;

    @Test
    void oldUnansweredTweetsAreImportedWithoutMailsWebhooksOrAutoReplies() throws Exception {
        var bodies = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var hook = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/sla", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hook.start();
        try {
            String account = "Quiet" + unique("x").substring(2).replace("-", "");
            String word = "storing" + unique("w").substring(2).replace("-", "");
            var brand = channels.createBrand(account, List.of("@" + account));
            String team = unique("team") + "@example.org";
            String alerts = unique("alerts") + "@example.org";
            var admin = anAdmin("long-enough-password");
            var lead = users.create(unique("lead") + "@example.org", "Lea Lead", "long-enough-password", org.webcare.identity.Role.TEAM_LEAD);
            var created = new ApiClient(baseUrl()).postJson("/api/v1/sla/policies", tokenFor(lead),
                    "{\"brandId\":" + brand.id() + ",\"name\":\"Stil\",\"targets\":{\"firstResponse\":\"PT1H\"},"
                            + "\"autoReplyText\":\"We antwoorden {{promise}}\",\"notifyEmail\":\"" + team
                            + "\",\"notifyWebhook\":\"http://127.0.0.1:" + hook.getAddress().getPort() + "/sla\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            var query = queries.save(unique("Stil"), word, null);
            rules.save(query.id(), null, "instant", List.of(alerts), null, admin.id());

            Instant old = Instant.parse("2017-10-11T06:55:44Z");
            String id = String.valueOf(System.nanoTime());
            Path file = Files.createTempFile("quiet", ".csv");
            Files.writeString(file, "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
                    + id + "1,900001,True," + CREATED_AT.format(old) + ",@" + account + " " + word + " nobody answers,,\n"
                    + id + "2,900002,True," + CREATED_AT.format(old.plusSeconds(600)) + ",@" + account + " " + word + " still down,,\n"
                    + id + "3,900003,True," + CREATED_AT.format(old.plusSeconds(900)) + ",@" + account + " help me,,\n"
                    + id + "4,900004,True," + CREATED_AT.format(old.plusSeconds(1000)) + ",@" + account + " answered late," + id + "5,\n"
                    + id + "5," + account + ",False," + CREATED_AT.format(old.plusSeconds(20000)) + ",@900004 sorry ^QH,," + id + "4\n");

            ImportSummary summary = twcs.run(file, Duration.ofHours(24), ImportProgress.NONE);
            assertThat(summary.postsStored()).isEqualTo(4);
            assertThat(summary.repliesRecorded()).isEqualTo(1);
            checker.check(Instant.now());

            // The control: a live post of two hours ago on the same brand breaches its clock and matches the query.
            var channel = channels.channelNamed(brand.id(), "X").orElseThrow();
            intake.accept(new InboundPost(channel.id(), "live-" + id, "900009", null, "@" + account + " " + word + " live",
                    Visibility.PUBLIC, Instant.now().minus(Duration.ofHours(2)), null, null, true, List.of("@" + account),
                    ChannelType.X.id(), null));
            checker.check(Instant.now());
            Eventually.within(Duration.ofSeconds(20), "the live post's alert", () -> !TestMailServer.to(alerts).isEmpty());

            List<Long> imported = jdbc.sql("""
                            select cp.case_id from case_post cp join post p on p.id = cp.post_id
                            where p.channel_id = ? and p.external_id like ?""")
                    .params(channel.id(), id + "_").query(Long.class).list();
            assertThat(imported).hasSize(4);
            long live = jdbc.sql("""
                            select cp.case_id from case_post cp join post p on p.id = cp.post_id
                            where p.channel_id = ? and p.external_id = ?""")
                    .params(channel.id(), "live-" + id).query(Long.class).single();
            assertThat(TestMailServer.to(team)).singleElement()
                    .satisfies(mail -> assertThat(mail.getSubject()).startsWith("SLA breached: case #" + live + ","));
            assertThat(bodies).singleElement().asString().contains("\"caseId\":" + live + ",");
            List<String> alertTexts = new java.util.ArrayList<>();
            for (var mail : TestMailServer.to(alerts)) {
                alertTexts.add(mail.getSubject() + "\n" + TestMailServer.text(mail));
            }
            assertThat(alertTexts).singleElement().asString().contains(" live").doesNotContain("nobody answers")
                    .doesNotContain("still down");
            // No auto-reply went out to the imported customers (the one reply is the brand's from the file), and
            // their clocks keep the breach for the reports.
            assertThat(jdbc.sql("select count(*) from reply r join post p on p.id = r.post_id where p.external_id like ?")
                    .param(id + "_").query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("""
                            select count(*) from sla_clock where case_id in (:ids) and kind = 'first-response'
                              and outcome is distinct from 'met' and breach_sent_at is not null""")
                    .param("ids", imported).query(Long.class).single()).isEqualTo(4);
        } finally {
            hook.stop(0);
        }
    }
}
