package org.webcare.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Replies;
import org.webcare.channel.Brand;
import org.webcare.channel.ChannelType;
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.support.Eventually;
import org.webcare.support.IntegrationTest;
import org.webcare.support.TestMailServer;
import org.webcare.support.WebSession;

/**
 * The weekly e-mail report with a real mail server: the key figures of the past complete week beside the week before,
 * once per brand and week, only for brands that have it on, in the language set for the brand.
 */
class WeeklyReportMailIntegrationTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-agent-password";
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @Autowired
    Intake intake;

    @Autowired
    Replies replies;

    @Autowired
    WeeklyReports weeklyReports;

    @Autowired
    WeeklyReportSettings settings;

    /** The Monday of the last complete week, where the team is. */
    private final LocalDate lastWeek = LocalDate.now(ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);

    @Test
    void enabledBrandsGetLastWeeksFiguresOnceInTheirLanguage() throws Exception {
        Brand english = brandWithWeeks();
        Brand dutch = brandWithWeeks();
        Brand off = brandWithWeeks();
        String englishReader = unique("lead") + "@example.org";
        String dutchReader = unique("teamleider") + "@example.org";
        String notReader = unique("nobody") + "@example.org";
        settings.save(english.id(), true, englishReader, "en");
        settings.save(dutch.id(), true, dutchReader, "nl");
        settings.save(off.id(), false, notReader, "en");

        weeklyReports.sendDue();
        weeklyReports.sendDue();

        Eventually.within(Duration.ofSeconds(10), "the weekly mails", () -> TestMailServer.to(englishReader).size() == 1
                && TestMailServer.to(dutchReader).size() == 1);
        assertThat(TestMailServer.to(englishReader)).as("sent once though the job ran twice").hasSize(1);
        assertThat(TestMailServer.to(notReader)).as("the report is off for this brand").isEmpty();

        MimeMessage mail = TestMailServer.to(englishReader).getFirst();
        int week = lastWeek.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        assertThat(mail.getSubject()).isEqualTo(english.name() + ": week " + week + " in figures (" + lastWeek + " to "
                + lastWeek.plusDays(6) + ")");
        String text = TestMailServer.text(mail);
        // Last week: 3 posts to the brand, 2 answered after 15 and 45 minutes; the week before: 1, answered after 60.
        assertThat(text).contains("Monitored posts: 3  (Week before: 1)", "Answered: 2  (Week before: 1)",
                "Answer rate: 67%  (Week before: 100%)", "Cases opened: 3  (Week before: 1)",
                "First response, median minutes: 30.0  (Week before: 60.0)",
                "First response within target: 100%  (Week before: 100%)");
        assertThat(text).contains("/reports?brand=" + english.id() + "&period=custom&from=" + lastWeek + "&to=" + lastWeek.plusDays(6));
        String html = TestMailServer.html(mail);
        assertThat(html).contains("Monitored posts", "30.0", "60.0").doesNotContain("<i>");

        MimeMessage dutchMail = TestMailServer.to(dutchReader).getFirst();
        assertThat(dutchMail.getSubject()).isEqualTo(dutch.name() + ": week " + week + " in cijfers (" + lastWeek + " t/m "
                + lastWeek.plusDays(6) + ")");
        assertThat(TestMailServer.text(dutchMail)).contains("Gemonitorde berichten: 3  (Week ervoor: 1)",
                "Eerste reactie, mediaan in minuten: 30,0  (Week ervoor: 60,0)");
        assertThat(TestMailServer.html(dutchMail)).contains("Deze week", "Week ervoor");
        assertThat(weeklyReports.lastRun(english.id())).get().satisfies(run -> {
            assertThat(run.weekStart()).isEqualTo(lastWeek);
            assertThat(run.sentAt()).isNotNull();
            assertThat(run.failure()).isNull();
        });
        assertThat(weeklyReports.lastRun(off.id())).isEmpty();
    }

    @Test
    void aTeamLeadSetsTheReportUpAndSendsThePastWeekNow() throws Exception {
        Brand brand = brandWithWeeks();
        String reader = unique("lead") + "@example.org";
        WebcareUser lead = users.create(unique("lead") + "@example.org", "Lotte Lead", PASSWORD, Role.TEAM_LEAD);
        WebSession session = WebSession.signIn(baseUrl(), lead.email(), PASSWORD);

        var refused = session.post("/reports/weekly", Map.of("brand", Long.toString(brand.id()), "enabled", "true",
                "recipients", reader + ", geen-adres", "language", "nl"));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(settings.of(brand.id()).enabled()).isFalse();
        String page = session.get("/reports?brand=" + brand.id()).body();
        assertThat(page).contains("recipients: &#39;geen-adres&#39; is not an e-mail address", reader + ", geen-adres");

        var saved = session.post("/reports/weekly", Map.of("brand", Long.toString(brand.id()), "enabled", "true",
                "recipients", reader, "language", "nl"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(settings.of(brand.id())).isEqualTo(new WeeklyReportSetting(brand.id(), true, List.of(reader), "nl"));

        var sent = session.post("/reports/weekly/send", Map.of("brand", Long.toString(brand.id())));
        assertThat(sent.statusCode()).isEqualTo(302);
        Eventually.within(Duration.ofSeconds(10), "the mail sent by hand", () -> TestMailServer.to(reader).size() == 1);
        assertThat(TestMailServer.text(TestMailServer.to(reader).getFirst())).contains("Gemonitorde berichten: 3  (Week ervoor: 1)");
        assertThat(session.get("/reports?brand=" + brand.id()).body()).contains("id=\"weekly-form\"", reader);
    }

    /**
     * A brand whose last complete week had three posts to it (Tuesday 09:00, 10:00, 11:00), answered after 15 and 45
     * minutes and not at all; and whose week before had one post, answered after 60 minutes.
     */
    private Brand brandWithWeeks() {
        Brand brand = channels.createBrand(unique("<i>Merk</i>"), List.of("@merk"));
        long channel = channels.createChannel(brand.id(), ChannelType.API, "X", "http://127.0.0.1:9/x", true).channel().id();
        Instant tuesday = lastWeek.plusDays(1).atTime(9, 0).atZone(ZONE).toInstant();
        long first = post(brand, channel, "@een", tuesday);
        replies.recordDelivered(first, "We kijken ernaar", Visibility.PUBLIC, "Anne", tuesday.plus(Duration.ofMinutes(15)));
        long second = post(brand, channel, "@twee", tuesday.plus(Duration.ofHours(1)));
        replies.recordDelivered(second, "We kijken ernaar", Visibility.PUBLIC, "Anne", tuesday.plus(Duration.ofMinutes(105)));
        post(brand, channel, "@drie", tuesday.plus(Duration.ofHours(2)));
        Instant weekBefore = tuesday.minus(Duration.ofDays(7));
        long earlier = post(brand, channel, "@vier", weekBefore);
        replies.recordDelivered(earlier, "We kijken ernaar", Visibility.PUBLIC, "Anne", weekBefore.plus(Duration.ofMinutes(60)));
        return brand;
    }

    private long post(Brand brand, long channel, String handle, Instant at) {
        return intake.accept(new InboundPost(channel, unique("p"), handle, null, "@merk mijn pakket is niet bezorgd",
                Visibility.PUBLIC, at, null, null, true, brand.handles(), "api", null)).postId();
    }
}
