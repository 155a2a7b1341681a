package org.webcare.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.calendar.BusinessCalendars;
import org.webcare.calendar.CalendarDefinition;
import org.webcare.cases.Actor;
import org.webcare.cases.CaseStatus;
import org.webcare.cases.Cases;
import org.webcare.cases.Replies;
import org.webcare.channel.Brand;
import org.webcare.channel.ChannelType;
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.AnalysisCorrections;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.routing.Queues;
import org.webcare.routing.Strategy;
import org.webcare.shared.Intent;
import org.webcare.shared.SentimentLabel;
import org.webcare.shared.Visibility;
import org.webcare.sla.PolicyDraft;
import org.webcare.sla.SlaPolicies;
import org.webcare.support.IntegrationTest;

/**
 * Every figure of the KPI report computed from a known set of posts, cases and replies with known times, stored
 * through the real intake, cases, replies, routing and SLA modules.
 */
class KpiReportsIntegrationTests extends IntegrationTest {

    /** Tuesday 10 March 2026, in UTC; the calendar below opens 09:00-17:00 UTC every day. */
    static final Instant DAY = Instant.parse("2026-03-10T00:00:00Z");

    @Autowired
    Intake intake;

    @Autowired
    Replies replies;

    @Autowired
    Cases cases;

    @Autowired
    KpiReports reports;

    @Autowired
    KpiMeasures measures;

    @Autowired
    AnalysisCorrections corrections;

    @Autowired
    BusinessCalendars calendars;

    @Autowired
    Queues queues;

    @Autowired
    SlaPolicies policies;

    Brand brand;
    long x;
    long y;
    WebcareUser lead;
    Scenario s;

    record Scenario(long c1, long c2, long c3, long c4, long c5, long c6, long c7) {
    }

    @BeforeEach
    void aBrandWithTwoChannelsAndACalendar() {
        brand = channels.createBrand(unique("Kpi"), List.of("@kpishop"));
        x = channels.createChannel(brand.id(), ChannelType.API, "X", "http://127.0.0.1:9/x", true).channel().id();
        y = channels.createChannel(brand.id(), ChannelType.API, "DM", "http://127.0.0.1:9/y", true).channel().id();
        String open = "[[\"09:00\",\"17:00\"]]";
        StringBuilder week = new StringBuilder();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            week.append(week.isEmpty() ? "" : ",").append('"').append(day).append("\":").append(open);
        }
        calendars.create(brand.id(), "Always 9-5", CalendarDefinition.parse("{\"timeZone\":\"UTC\",\"hours\":{" + week
                + "},\"holidays\":{\"dates\":[],\"dutch\":[]}}"));
        lead = users.create(unique("lead") + "@example.org", "Lea Lead", "correct horse battery", Role.TEAM_LEAD);
    }

    /**
     * Channel X (public): c1 08:00 answered 08:30; c2 09:00 answered 10:00; c3 10:00 answered privately 12:00;
     * c4 11:00 never answered; c5 12:00 answered 18:00; c7 15:00 and again 15:10, the second answered 15:40; one
     * overheard post 13:00. Channel DM: c6 14:00 private, answered 14:45.
     */
    Scenario scenario() {
        long p1 = post(x, "@kpishop my order?", Visibility.PUBLIC, at("08:00"), true);
        reply(p1, Visibility.PUBLIC, at("08:30"));
        long p2 = post(x, "@kpishop my parcel?", Visibility.PUBLIC, at("09:00"), true);
        reply(p2, Visibility.PUBLIC, at("10:00"));
        long p3 = post(x, "@kpishop my invoice?", Visibility.PUBLIC, at("10:00"), true);
        reply(p3, Visibility.PRIVATE, at("12:00"));
        long p4 = post(x, "@kpishop hello?", Visibility.PUBLIC, at("11:00"), true);
        long p5 = post(x, "@kpishop my refund?", Visibility.PUBLIC, at("12:00"), true);
        reply(p5, Visibility.PUBLIC, at("18:00"));
        post(x, "just saw a kpishop van", Visibility.PUBLIC, at("13:00"), false);
        long p6 = post(y, "where is it", Visibility.PRIVATE, at("14:00"), false);
        reply(p6, Visibility.PRIVATE, at("14:45"));
        String seven = unique("h");
        long p7 = post(x, seven, "@kpishop first", Visibility.PUBLIC, at("15:00"), true);
        long p7b = post(x, seven, "@kpishop second", Visibility.PUBLIC, at("15:10"), true);
        reply(p7b, Visibility.PUBLIC, at("15:40"));
        corrections.correct(p4, SentimentLabel.NEGATIVE, Set.of(Intent.COMPLAINT), null);
        corrections.correct(p5, SentimentLabel.NEGATIVE, Set.of(Intent.COMPLAINT), null);
        corrections.correct(p2, SentimentLabel.POSITIVE, Set.of(Intent.QUESTION), null);
        long c7 = caseOf(p7);
        assertThat(caseOf(p7b)).as("a follow-up joins the case").isEqualTo(c7);
        return new Scenario(caseOf(p1), caseOf(p2), caseOf(p3), caseOf(p4), caseOf(p5), caseOf(p6), c7);
    }

    @Test
    void brandFiguresCountPostsAndMeasureRepliesFirstResponsesAndWorkingTime() {
        s = scenario();
        KpiReport report = reports.report(dayOfBrand(), KpiDimension.BRAND);

        assertThat(report.rows()).hasSize(1);
        KpiRow row = report.rows().getFirst();
        assertThat(row.key()).isEqualTo(String.valueOf(brand.id()));
        assertThat(row.label()).isEqualTo(brand.name());
        assertThat(row.monitored()).isEqualTo(9);
        assertThat(row.addressed()).isEqualTo(8);
        assertThat(row.overheard()).isEqualTo(1);
        assertThat(row.answered()).as("c4 is the one addressed post nobody answered").isEqualTo(7);
        assertThat(row.answerRate()).isCloseTo(7.0 / 8, within(1e-9));
        // Reply times 30, 30, 45, 60, 120, 360: an even count, so the median lies between 45 and 60.
        assertDurations(row.replyTime(), 6, 52.5, 240.0, null);
        // First responses 30, 40, 45, 60, 120, 360 (c7 from its first message); 360 is over the 4 hours.
        assertDurations(row.firstResponse(), 6, 52.5, 240.0, 5.0 / 6);
        // Working time 09:00-17:00: 0 (answered before opening), 40, 45, 60, 120, 300 (until closing).
        assertDurations(row.firstResponseWorking(), 6, 52.5, 210.0, 5.0 / 6);
        assertThat(row.casesOpened()).isEqualTo(7);
        assertThat(row.casesResolved()).isZero();
        assertDurations(row.resolution(), 0, null, null, null);
        assertThat(row.publicToPrivateShare()).as("c3 went private").isCloseTo(1.0 / 7, within(1e-9));
        assertThat(row.negativeShare()).isCloseTo(2.0 / 9, within(1e-9));
        assertThat(report.total().monitored()).isEqualTo(9);
        assertThat(report.total().replyTime().medianMinutes()).isEqualTo(52.5);
    }

    @Test
    void perChannelTheOddCountTakesTheMiddleAndP90Interpolates() {
        s = scenario();
        KpiReport report = reports.report(dayOfBrand(), KpiDimension.CHANNEL);

        assertThat(report.rows()).extracting(KpiRow::label).containsExactly("DM", "X");
        KpiRow dm = report.rows().get(0);
        KpiRow twitter = report.rows().get(1);
        // X: 30, 30, 60, 120, 360 -> median 60, p90 at rank 3.6: 120 + 0.6 * 240.
        assertDurations(twitter.replyTime(), 5, 60.0, 264.0, null);
        assertThat(twitter.monitored()).isEqualTo(8);
        assertThat(twitter.overheard()).isEqualTo(1);
        assertDurations(dm.replyTime(), 1, 45.0, 45.0, null);
        assertThat(dm.addressed()).as("a private message is addressed").isEqualTo(1);
        assertThat(dm.publicToPrivateShare()).as("it started private").isEqualTo(0.0);
        assertThat(reports.report(new KpiQuery(DAY, DAY.plus(Duration.ofDays(1)), brand.id(), y, null, null), KpiDimension.BRAND)
                .total().monitored()).isEqualTo(1);
    }

    @Test
    void theDrillDownListsTheCasesBehindAFigure() {
        s = scenario();
        KpiQuery day = dayOfBrand();
        assertThat(reports.cases(day, KpiFigure.UNANSWERED, 10)).containsExactly(s.c4());
        assertThat(reports.cases(day, KpiFigure.FIRST_RESPONSE_LATE, 10)).containsExactly(s.c5());
        assertThat(reports.cases(day, KpiFigure.PUBLIC_TO_PRIVATE, 10)).containsExactly(s.c3());
        assertThat(reports.cases(day, KpiFigure.FIRST_RESPONSE, 10))
                .as("newest first").containsExactly(s.c7(), s.c6(), s.c5(), s.c3(), s.c2(), s.c1());
        assertThat(reports.cases(day, KpiFigure.CASES, 3)).containsExactly(s.c7(), s.c6(), s.c5());
        assertThat(reports.cases(day, KpiFigure.BACKLOG, 10)).hasSize(7);
        assertThat(reports.cases(day, KpiFigure.RESOLVED, 10)).isEmpty();
    }

    @Test
    void teamAndAgentRowsFollowTheQueueAndTheAssignee() {
        WebcareUser agent = users.create(unique("agent") + "@example.org", "Aart Agent", "correct horse battery", Role.AGENT);
        queues.create(brand.id(), "Webcare NL", "Care", Strategy.MANUAL, true, List.of(agent.id()));
        s = scenario();
        cases.assign(s.c1(), agent.id(), Actor.WEBCARE, "test");
        cases.assign(s.c2(), agent.id(), Actor.WEBCARE, "test");

        KpiReport teams = reports.report(dayOfBrand(), KpiDimension.TEAM);
        assertThat(teams.rows()).extracting(KpiRow::key).containsExactly("Care");
        assertThat(teams.rows().getFirst().casesOpened()).isEqualTo(7);
        assertThat(teams.rows().getFirst().monitored()).as("overheard posts have no team").isEqualTo(8);

        KpiReport agents = reports.report(dayOfBrand(), KpiDimension.AGENT);
        KpiRow aart = agents.rows().stream().filter(r -> r.key().equals(String.valueOf(agent.id()))).findFirst().orElseThrow();
        assertThat(aart.label()).isEqualTo("Aart Agent");
        assertThat(aart.casesOpened()).isEqualTo(2);
        assertDurations(aart.firstResponse(), 2, 45.0, 57.0, 1.0);
        KpiRow anna = agents.rows().stream().filter(r -> r.key().equals("Anna")).findFirst().orElseThrow();
        assertThat(anna.replyTime().count()).as("replies from history count by their author's name").isEqualTo(6);

        KpiQuery ofAart = new KpiQuery(DAY, DAY.plus(Duration.ofDays(1)), brand.id(), null, null, agent.id());
        assertThat(reports.report(ofAart, KpiDimension.BRAND).total().casesOpened()).isEqualTo(2);
        KpiQuery ofCare = new KpiQuery(DAY, DAY.plus(Duration.ofDays(1)), brand.id(), null, "Care", null);
        assertThat(reports.report(ofCare, KpiDimension.BRAND).total().replyTime().count()).isEqualTo(6);
    }

    @Test
    void anSlaClockTargetDecidesWithinTargetAndComplianceIsPerPolicyAndKind() {
        var policy = policies.create(new PolicyDraft(brand.id(), "Fast DM", 1, y, null, List.of(), List.of(),
                new PolicyDraft.Targets("PT30M", false, null, null, null, null), null, true, false, null, null, null));
        long quick = post(y, "hello", Visibility.PRIVATE, at("09:00"), false);
        reply(quick, Visibility.PRIVATE, at("09:20"));
        long slow = post(y, "hello again", Visibility.PRIVATE, at("10:00"), false);
        reply(slow, Visibility.PRIVATE, at("10:45"));

        KpiRow row = reports.report(dayOfBrand(), KpiDimension.BRAND).total();
        // 45 minutes is within the default 4 hours, but not within the policy's 30 minutes.
        assertDurations(row.firstResponse(), 2, 32.5, 42.5, 0.5);
        assertThat(reports.cases(dayOfBrand(), KpiFigure.FIRST_RESPONSE_LATE, 10)).containsExactly(caseOf(slow));

        List<SlaCompliance> compliance = reports.slaCompliance(dayOfBrand());
        assertThat(compliance).hasSize(1);
        SlaCompliance first = compliance.getFirst();
        assertThat(first.policyId()).isEqualTo(policy.id());
        assertThat(first.policyName()).isEqualTo("Fast DM");
        assertThat(first.clockKind()).isEqualTo("first-response");
        assertThat(first.met()).isEqualTo(1);
        assertThat(first.breached()).isEqualTo(1);
        assertThat(first.compliance()).isEqualTo(0.5);
        assertThat(reports.cases(dayOfBrand(), KpiFigure.SLA_BREACHED, 10)).containsExactly(caseOf(slow));
    }

    @Test
    void anAgentsReplyCountsForTheAgentAndTheAutomaticPromiseNotAtAll() {
        long calendar = calendars.ofBrand(brand.id()).getFirst().id();
        policies.create(new PolicyDraft(brand.id(), "Evenings", 1, null, null, List.of(), List.of(),
                new PolicyDraft.Targets("PT4H", true, null, null, null, null), calendar, true, false, null, null,
                "We answer {{promise}}."));
        long evening = post(x, "@kpishop anyone there?", Visibility.PUBLIC, at("20:00"), true);
        assertThat(jdbc.sql("select count(*) from reply where post_id = ?").param(evening).query(Long.class).single())
                .as("the promise went out").isEqualTo(1);
        KpiRow promised = reports.report(dayOfBrand(), KpiDimension.BRAND).total();
        assertThat(promised.replyTime().count()).isZero();
        assertThat(promised.answered()).isZero();
        assertThat(reports.cases(dayOfBrand(), KpiFigure.UNANSWERED, 10)).containsExactly(caseOf(evening));

        WebcareUser agent = users.create(unique("agent") + "@example.org", "Sam Agent", "correct horse battery", Role.AGENT);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long question = post(x, "@kpishop my order?", Visibility.PUBLIC, now.minus(Duration.ofMinutes(30)), true);
        replies.send(question, "We are looking into it.", Visibility.PUBLIC, agent.id(), agent.displayName());
        KpiQuery recent = new KpiQuery(now.minus(Duration.ofHours(1)), Instant.now().plusSeconds(60), brand.id(), null, null, null);
        KpiRow sam = reports.report(recent, KpiDimension.AGENT).rows().stream()
                .filter(r -> r.key().equals(String.valueOf(agent.id()))).findFirst().orElseThrow();
        assertThat(sam.label()).isEqualTo("Sam Agent");
        assertThat(sam.replyTime().count()).isEqualTo(1);
        assertThat(sam.replyTime().medianMinutes()).isCloseTo(30.0, within(1.0));
        KpiQuery ofSam = new KpiQuery(now.minus(Duration.ofHours(1)), Instant.now().plusSeconds(60), brand.id(), null, null, agent.id());
        assertThat(reports.report(ofSam, KpiDimension.BRAND).total().replyTime().count()).isEqualTo(1);

        jdbc.sql("delete from kpi_reply where brand_id = ?").param(brand.id()).update();
        measures.rebuild();
        assertThat(reports.report(dayOfBrand(), KpiDimension.BRAND).total().replyTime().count())
                .as("the rebuild leaves the promise out too").isZero();
        assertThat(reports.report(ofSam, KpiDimension.BRAND).total().replyTime().count()).isEqualTo(1);
    }

    @Test
    void resolutionCountsCasesResolvedInThePeriodAgainstTheDefaultTarget() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long fast = caseOf(post(x, "@kpishop broken", Visibility.PUBLIC, now.minus(Duration.ofHours(3)), true));
        long slow = caseOf(post(x, "@kpishop still broken", Visibility.PUBLIC, now.minus(Duration.ofHours(30)), true));
        long open = caseOf(post(x, "@kpishop help", Visibility.PUBLIC, now.minus(Duration.ofHours(1)), true));
        cases.changeStatus(fast, CaseStatus.RESOLVED, new Actor(lead.id(), lead.displayName()), null);
        cases.changeStatus(slow, CaseStatus.RESOLVED, new Actor(lead.id(), lead.displayName()), null);

        KpiQuery recent = new KpiQuery(now.minus(Duration.ofDays(2)), Instant.now().plusSeconds(60), brand.id(), null, null, null);
        KpiRow row = reports.report(recent, KpiDimension.BRAND).total();
        assertThat(row.casesResolved()).isEqualTo(2);
        assertThat(row.resolution().count()).isEqualTo(2);
        // 180 and 1800 minutes (plus the seconds this test took): median halfway, one of two within 24 hours.
        assertThat(row.resolution().medianMinutes()).isCloseTo(990.0, within(1.0));
        assertThat(row.resolution().p90Minutes()).isCloseTo(180 + 0.9 * 1620, within(1.0));
        assertThat(row.resolution().withinTarget()).isEqualTo(0.5);
        assertThat(row.resolutionWorking().count()).isEqualTo(2);
        assertThat(reports.cases(recent, KpiFigure.RESOLUTION_LATE, 10)).containsExactly(slow);
        assertThat(reports.cases(recent, KpiFigure.RESOLVED, 10)).containsExactlyInAnyOrder(fast, slow);
        assertThat(reports.cases(recent, KpiFigure.BACKLOG, 10)).containsExactly(open);
    }

    @Test
    void theTrendCountsDayByDayWithTheBacklogAtTheEndOfEachDay() {
        // Local days in Europe/Amsterdam (UTC+1 in March): 23:30 UTC on 9 March is already 10 March.
        long before = caseOf(post(x, "@kpishop old", Visibility.PUBLIC, Instant.parse("2026-03-08T12:00:00Z"), true));
        String night = unique("h");
        post(x, night, "@kpishop late evening", Visibility.PUBLIC, Instant.parse("2026-03-09T23:30:00Z"), true);
        long p = post(x, night, "@kpishop after midnight", Visibility.PUBLIC, Instant.parse("2026-03-10T00:10:00Z"), true);
        reply(p, Visibility.PUBLIC, Instant.parse("2026-03-10T01:00:00Z"));
        long negative = post(x, "kpishop is terrible", Visibility.PUBLIC, Instant.parse("2026-03-11T10:00:00Z"), false);
        corrections.correct(negative, SentimentLabel.NEGATIVE, null, null);
        cases.changeStatus(before, CaseStatus.RESOLVED, new Actor(lead.id(), lead.displayName()), null);

        KpiQuery threeDays = new KpiQuery(Instant.parse("2026-03-08T23:00:00Z"), Instant.parse("2026-03-11T23:00:00Z"),
                brand.id(), null, null, null);
        List<KpiTrend.Day> days = reports.trend(threeDays).days();
        assertThat(days).extracting(KpiTrend.Day::date).containsExactly(LocalDate.parse("2026-03-09"),
                LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-11"));
        KpiTrend.Day ninth = days.get(0);
        KpiTrend.Day tenth = days.get(1);
        KpiTrend.Day eleventh = days.get(2);
        assertThat(ninth.monitored()).isZero();
        assertThat(ninth.backlog()).as("the case of 8 March was still open then").isEqualTo(1);
        assertThat(tenth.monitored()).isEqualTo(2);
        assertThat(tenth.addressed()).isEqualTo(2);
        assertThat(tenth.answered()).as("the reply to the second post answers the first one of its case too").isEqualTo(2);
        assertThat(tenth.casesOpened()).as("both posts are one case").isEqualTo(1);
        assertThat(tenth.backlog()).isEqualTo(2);
        assertThat(tenth.firstResponseMedianMinutes()).isEqualTo(90.0);
        assertThat(eleventh.monitored()).isEqualTo(1);
        assertThat(eleventh.negative()).isEqualTo(1);
        assertThat(eleventh.casesOpened()).isZero();
        assertThat(eleventh.backlog()).isEqualTo(2);
        assertThat(eleventh.slaCompliance()).isNull();
    }

    @Test
    void intentsOfTheAddressedPostsAreCounted() {
        s = scenario();
        // Known intents for every post: complaint for two, question for one, none for the others.
        List<Long> posts = jdbc.sql("select p.id from post p join channel c on c.id = p.channel_id where c.brand_id = ?")
                .param(brand.id()).query(Long.class).list();
        posts.forEach(id -> corrections.correct(id, null, Set.of(), null));
        corrections.correct(postWithText("@kpishop hello?"), null, Set.of(Intent.COMPLAINT), null);
        corrections.correct(postWithText("@kpishop my refund?"), null, Set.of(Intent.COMPLAINT, Intent.QUESTION), null);
        corrections.correct(postWithText("just saw a kpishop van"), null, Set.of(Intent.LEAD), null);

        KpiBreakdowns breakdowns = reports.breakdowns(dayOfBrand());
        assertThat(breakdowns.intents()).as("overheard posts are left out")
                .containsExactly(new KpiBreakdowns.Count("complaint", 2), new KpiBreakdowns.Count("question", 1));
        assertThat(breakdowns.consultWaiting().count()).isZero();
        assertThat(breakdowns.topics()).extracting(KpiBreakdowns.Count::name).contains("refund").doesNotContain("van");
    }

    long postWithText(String text) {
        return jdbc.sql("select p.id from post p join channel c on c.id = p.channel_id where c.brand_id = ? and p.text = ?")
                .params(brand.id(), text).query(Long.class).single();
    }

    @Test
    void figuresRebuiltFromTheStoredDataEqualTheFiguresKeptLive() {
        WebcareUser agent = users.create(unique("agent") + "@example.org", "Bo Agent", "correct horse battery", Role.AGENT);
        queues.create(brand.id(), "Webcare", null, Strategy.MANUAL, true, List.of(agent.id()));
        s = scenario();
        cases.assign(s.c1(), agent.id(), Actor.WEBCARE, "test");
        List<KpiReport> live = List.of(reports.report(dayOfBrand(), KpiDimension.BRAND),
                reports.report(dayOfBrand(), KpiDimension.CHANNEL), reports.report(dayOfBrand(), KpiDimension.TEAM),
                reports.report(dayOfBrand(), KpiDimension.AGENT));
        List<KpiTrend.Day> liveTrend = reports.trend(dayOfBrand()).days();

        jdbc.sql("delete from kpi_post where brand_id = ?").param(brand.id()).update();
        jdbc.sql("delete from kpi_reply where brand_id = ?").param(brand.id()).update();
        jdbc.sql("delete from kpi_case where brand_id = ?").param(brand.id()).update();
        assertThat(reports.report(dayOfBrand(), KpiDimension.BRAND).total().monitored()).isZero();
        measures.rebuild();

        assertThat(List.of(reports.report(dayOfBrand(), KpiDimension.BRAND),
                reports.report(dayOfBrand(), KpiDimension.CHANNEL), reports.report(dayOfBrand(), KpiDimension.TEAM),
                reports.report(dayOfBrand(), KpiDimension.AGENT))).isEqualTo(live);
        assertThat(reports.trend(dayOfBrand()).days()).isEqualTo(liveTrend);
        assertThat(live.getFirst().total().monitored()).isEqualTo(9);
    }

    // -- helpers

    KpiQuery dayOfBrand() {
        return new KpiQuery(DAY, DAY.plus(Duration.ofDays(1)), brand.id(), null, null, null);
    }

    static Instant at(String time) {
        return Instant.parse("2026-03-10T" + time + ":00Z");
    }

    long post(long channel, String text, Visibility visibility, Instant at, boolean toBrand) {
        return post(channel, unique("h"), text, visibility, at, toBrand);
    }

    long post(long channel, String handle, String text, Visibility visibility, Instant at, boolean toBrand) {
        return intake.accept(new InboundPost(channel, unique("p"), handle, null, text, visibility, at, null, null,
                toBrand, brand.handles(), "api", null)).postId();
    }

    void reply(long postId, Visibility visibility, Instant at) {
        replies.recordDelivered(postId, "We are on it.", visibility, "Anna", at);
    }

    long caseOf(long postId) {
        return cases.caseOf(postId).orElseThrow().id();
    }

    static void assertDurations(DurationFigures figures, long count, Double median, Double p90, Double withinTarget) {
        assertThat(figures.count()).as("count").isEqualTo(count);
        if (median == null) {
            assertThat(figures.medianMinutes()).as("median").isNull();
            assertThat(figures.p90Minutes()).as("p90").isNull();
        } else {
            assertThat(figures.medianMinutes()).as("median").isCloseTo(median, within(1e-9));
            assertThat(figures.p90Minutes()).as("p90").isCloseTo(p90, within(1e-9));
        }
        if (withinTarget == null) {
            assertThat(figures.withinTarget()).as("within target").isNull();
        } else {
            assertThat(figures.withinTarget()).as("within target").isCloseTo(withinTarget, within(1e-9));
        }
    }
}
