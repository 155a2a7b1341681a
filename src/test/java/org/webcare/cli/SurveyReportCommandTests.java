package org.webcare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.WebcareApplication;
import org.webcare.cases.Cases;
import org.webcare.channel.ChannelType;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.support.IntegrationTest;

/** {@code webcare report surveys}: the report on the configured database, as CSV or JSON; bad options exit 2. */
class SurveyReportCommandTests extends IntegrationTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Autowired
    Intake intake;

    @Autowired
    Cases cases;

    private int run(String... args) {
        return SurveyReportCommand.run(WebcareApplication.class, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsTheBrandsFiguresAsCsvAndJson() {
        var brand = channels.createBrand(unique("Cli"));
        long channel = channels.createChannel(brand.id(), ChannelType.API, "Chat", "http://127.0.0.1:9/x", true).channel().id();
        Instant sent = Instant.now().minus(1, ChronoUnit.DAYS);
        for (int score : new int[]{5, 2}) {
            long postId = intake.accept(new InboundPost(channel, unique("p"), unique("@c"), null, "hallo, een vraag over mijn order",
                    Visibility.PRIVATE, sent.truncatedTo(ChronoUnit.SECONDS), null, null, true, List.of(), "api", null, null)).postId();
            long caseId = cases.caseOf(postId).orElseThrow().id();
            jdbc.sql("""
                            insert into survey (case_id, brand_id, channel_id, customer_handle, status, resolved_at, due_at, kind,
                                                sent_at, expires_at, score, answered_at)
                            values (?, ?, ?, 'c', 'ANSWERED', ?, ?, 'CSAT', ?, ?, ?, ?)""")
                    .params(caseId, brand.id(), channel, Timestamp.from(sent), Timestamp.from(sent), Timestamp.from(sent),
                            Timestamp.from(sent.plus(7, ChronoUnit.DAYS)), score, Timestamp.from(sent)).update();
        }
        // The command starts its own application on the same database, as it would on a server's.
        System.setProperty("webcare.db.shared-embedded", "true");
        System.setProperty("webcare.db.data-dir", dataDir().toString());
        try {
            assertThat(run("surveys", "--brand", brand.name(), "--format", "csv")).as(err.toString()).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("total,total,2,2,100.0,2,1,50.0,3.5,")
                    .contains("brand," + brand.name() + ",2,2,100.0");
            out.reset();
            assertThat(run("surveys", "--brand", String.valueOf(brand.id()), "--format", "json", "--by", "channel")).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"csatShare\":50.0").contains("Chat");
            assertThat(run("surveys", "--brand", "No such brand")).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("--brand: no brand named 'No such brand'");
        } finally {
            System.clearProperty("webcare.db.shared-embedded");
            System.clearProperty("webcare.db.data-dir");
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(CommandLine.run(WebcareApplication.class, new String[]{"report", "surveys", "--format", "xml"})).isEqualTo(2);
        assertThat(CommandLine.run(WebcareApplication.class, new String[]{"report", "everything"})).isEqualTo(2);
        assertThat(CommandLine.run(WebcareApplication.class, new String[]{"report", "surveys", "--colour", "red"})).isEqualTo(2);
    }
}
