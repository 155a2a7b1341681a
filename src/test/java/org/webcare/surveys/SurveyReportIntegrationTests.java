package org.webcare.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.channel.ChannelType;
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.support.WebSession;
import tools.jackson.databind.JsonNode;

/**
 * Every figure of the survey report from a known set of surveys of one brand:
 * <ul>
 *   <li>CSAT in the chat channel by Anne (team Noord): 10 sent, answered 5, 5, 4, 3, 1 → 50 % response, 60 % satisfied,
 *       average 3.6;</li>
 *   <li>CES in the mail channel by Bram (team Zuid): 4 sent, answered 7, 5, 4, 2 → 100 %, average 4.5, 50 % easy;</li>
 *   <li>NPS in the chat channel by Bram (team Zuid): 6 sent, answered 10, 9, 9, 8, 3 → 83.3 %, 3 promoters,
 *       1 passive, 1 detractor, NPS 40;</li>
 *   <li>one CSAT survey sent before the period (answered 1), which no figure may count.</li>
 * </ul>
 */
class SurveyReportIntegrationTests extends SurveyTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Autowired
    SurveyReports reports;

    WebcareUser anne;
    WebcareUser bram;
    long mail;
    LocalDate day;

    @BeforeEach
    void knownSurveys() {
        anne = users.create(unique("anne") + "@example.org", "Anne", PASSWORD, Role.AGENT);
        bram = users.create(unique("bram") + "@example.org", "=Bram, \"B\"", PASSWORD, Role.AGENT);
        mail = channels.createChannel(brand.id(), ChannelType.API, "Mail", "http://127.0.0.1:9/mail", true).channel().id();
        day = LocalDate.now(AMSTERDAM).minusDays(3);
        Instant sent = day.atTime(12, 0).atZone(AMSTERDAM).toInstant();
        int[] csat = {5, 5, 4, 3, 1, -1, -1, -1, -1, -1};
        for (int score : csat) {
            survey(channel, "Noord", anne, SurveyKind.CSAT, score, sent, score == 3 ? "Duurde lang" : null);
        }
        for (int score : new int[]{7, 5, 4, 2}) {
            survey(mail, "Zuid", bram, SurveyKind.CES, score, sent.plus(1, ChronoUnit.DAYS), null);
        }
        for (int score : new int[]{10, 9, 9, 8, 3, -1}) {
            survey(channel, "Zuid", bram, SurveyKind.NPS, score, sent.plus(1, ChronoUnit.DAYS), score == 10 ? "Top!" : null);
        }
        survey(channel, "Noord", anne, SurveyKind.CSAT, 1, sent.minus(40, ChronoUnit.DAYS), "too old");
    }

    private void survey(long channelId, String team, WebcareUser agent, SurveyKind kind, int score, Instant sentAt, String comment) {
        long caseId = caseOf(post(unique("@c"), "@shop hallo, ik heb een vraag over mijn bestelling"));
        jdbc.sql("""
                        insert into survey (case_id, brand_id, channel_id, customer_handle, status, resolved_at, due_at, kind,
                                            ask_by, language, sent_at, expires_at, team, agent_user_id, agent_name, score,
                                            comment, answered_at, answered_via)
                        values (?, ?, ?, 'c', ?, ?, ?, ?, 'PAGE', 'nl', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, brand.id(), channelId, score < 0 ? "SENT" : "ANSWERED", Timestamp.from(sentAt),
                        Timestamp.from(sentAt), kind.name(), Timestamp.from(sentAt), Timestamp.from(sentAt.plus(7, ChronoUnit.DAYS)),
                        team, agent.id(), agent.displayName(), score < 0 ? null : score, comment,
                        score < 0 ? null : Timestamp.from(sentAt.plus(1, ChronoUnit.HOURS)), score < 0 ? null : "PAGE")
                .update();
    }

    private SurveyReport report(SurveyGrouping by) {
        return reports.report(new SurveyQuery(brand.id(), null, null, null, day.minusDays(7), day.plusDays(3), by));
    }

    @Test
    void theTotalsOfTheBrand() {
        SurveyFigures total = report(SurveyGrouping.BRAND).total();
        assertThat(total.invitations()).isEqualTo(20);
        assertThat(total.answers()).isEqualTo(14);
        assertThat(total.responseRate()).isEqualTo(70.0);
        assertThat(total.csatAnswers()).isEqualTo(5);
        assertThat(total.csatSatisfied()).isEqualTo(3);
        assertThat(total.csatShare()).isEqualTo(60.0);
        assertThat(total.csatAverage()).isEqualTo(3.6);
        assertThat(total.cesAnswers()).isEqualTo(4);
        assertThat(total.cesAverage()).isEqualTo(4.5);
        assertThat(total.cesEasy()).isEqualTo(2);
        assertThat(total.cesEasyShare()).isEqualTo(50.0);
        assertThat(total.npsAnswers()).isEqualTo(5);
        assertThat(total.promoters()).isEqualTo(3);
        assertThat(total.passives()).isEqualTo(1);
        assertThat(total.detractors()).isEqualTo(1);
        assertThat(total.nps()).isEqualTo(40.0);
        assertThat(report(SurveyGrouping.BRAND).rows()).singleElement().satisfies(row -> {
            assertThat(row.label()).isEqualTo(brand.name());
            assertThat(row.invitations()).isEqualTo(20);
        });
    }

    @Test
    void perAgentChannelTeamAndDay() {
        List<SurveyFigures> agents = report(SurveyGrouping.AGENT).rows();
        SurveyFigures ofAnne = agents.stream().filter(f -> f.label().equals("Anne")).findFirst().orElseThrow();
        assertThat(ofAnne.invitations()).isEqualTo(10);
        assertThat(ofAnne.responseRate()).isEqualTo(50.0);
        assertThat(ofAnne.csatShare()).isEqualTo(60.0);
        assertThat(ofAnne.nps()).isNull();
        SurveyFigures ofBram = agents.stream().filter(f -> f.key().equals(String.valueOf(bram.id()))).findFirst().orElseThrow();
        assertThat(ofBram.invitations()).isEqualTo(10);
        assertThat(ofBram.answers()).isEqualTo(9);
        assertThat(ofBram.cesAverage()).isEqualTo(4.5);
        assertThat(ofBram.nps()).isEqualTo(40.0);
        assertThat(ofBram.csatShare()).isNull();

        SurveyFigures ofMail = report(SurveyGrouping.CHANNEL).rows().stream().filter(f -> f.key().equals(String.valueOf(mail)))
                .findFirst().orElseThrow();
        assertThat(ofMail.invitations()).isEqualTo(4);
        assertThat(ofMail.responseRate()).isEqualTo(100.0);

        SurveyFigures zuid = report(SurveyGrouping.TEAM).rows().stream().filter(f -> f.label().equals("Zuid")).findFirst().orElseThrow();
        assertThat(zuid.invitations()).isEqualTo(10);
        assertThat(zuid.responseRate()).isEqualTo(90.0);

        SurveyReport byDay = report(SurveyGrouping.DAY);
        assertThat(byDay.rows()).extracting(SurveyFigures::key).containsExactly(day.toString(), day.plusDays(1).toString());
        assertThat(byDay.seriesUnit()).isEqualTo("day");
        assertThat(byDay.series()).hasSize(11);
        assertThat(byDay.series().stream().filter(p -> p.start().equals(day)).findFirst().orElseThrow().figures().csatShare()).isEqualTo(60.0);

        SurveyReport filtered = reports.report(new SurveyQuery(brand.id(), null, null, anne.id(), day.minusDays(7), day.plusDays(3), SurveyGrouping.BRAND));
        assertThat(filtered.total().invitations()).isEqualTo(10);
        assertThat(filtered.comments()).extracting(SurveyReport.Comment::comment).containsExactly("Duurde lang");
    }

    @Test
    void theRestReportAsJsonAndAsSafeCsv() {
        JsonNode json = json(api.get("/api/v1/reports/surveys?brand=" + brand.id() + "&from=" + day.minusDays(7) + "&to=" + day.plusDays(3)
                + "&by=agent", leadToken));
        assertThat(json.get("total").get("nps").asDouble()).isEqualTo(40.0);
        assertThat(json.get("rows")).hasSize(2);
        assertThat(json.get("comments")).hasSize(2);

        var csv = api.get("/api/v1/reports/surveys?brand=" + brand.id() + "&from=" + day.minusDays(7) + "&to=" + day.plusDays(3)
                + "&by=agent&format=csv", leadToken);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).startsWith("group,label,invitations,answers,responseRate,csatAnswers");
        assertThat(lines.get(1)).isEqualTo("total,total,20,14,70.0,5,3,60.0,3.6,4,2,50.0,4.5,5,3,1,1,40.0");
        assertThat(lines).contains("agent,Anne,10,5,50.0,5,3,60.0,3.6,0,0,,,0,0,0,0,");
        // A name that a spreadsheet would run as a formula is defused, and quoted because of its comma and quotes.
        assertThat(lines).contains("agent,\"'=Bram, \"\"B\"\"\",10,9,90.0,0,0,,,4,2,50.0,4.5,5,3,1,1,40.0");

        assertThat(api.get("/api/v1/reports/surveys?from=2026-13-01", leadToken).statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/reports/surveys?by=month", leadToken).body()).contains("by: must be one of");
    }

    @Test
    void theReportPageShowsTilesChartTablesAndTheCsvLink() {
        WebSession session = WebSession.signIn(baseUrl(), lead.email(), PASSWORD);
        String page = session.get("/reports/surveys?brand=" + brand.id() + "&from=" + day.minusDays(7) + "&to=" + day.plusDays(3)
                + "&by=team").body();
        assertThat(page).contains("id=\"tile-csat\"").contains("60.0 %").contains("40.0").contains("70.0 %")
                .contains("<svg class=\"bars\"").contains("Noord").contains("Zuid").contains("Top!")
                .contains("/reports/surveys.csv?from=" + day.minusDays(7));
        assertThat(page).as("a team's row narrows the report to it").contains("/reports/surveys?from=" + day.minusDays(7) + "&amp;to="
                + day.plusDays(3) + "&amp;by=day&amp;team=Zuid&amp;brand=" + brand.id());
        String zuid = session.get("/reports/surveys?brand=" + brand.id() + "&from=" + day.minusDays(7) + "&to=" + day.plusDays(3)
                + "&by=day&team=Zuid").body();
        assertThat(zuid).contains("90.0 %").doesNotContain("Duurde lang");
        var csv = session.get("/reports/surveys.csv?brand=" + brand.id() + "&from=" + day.minusDays(7) + "&to=" + day.plusDays(3) + "&by=team");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("team,Zuid,10,9,90.0");
    }

    @Test
    void onlyTeamLeadsAndAdminsSeeReportsAndSettings() {
        assertThat(api.get("/api/v1/reports/surveys", agentToken).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/brands/" + brand.id() + "/survey-settings", agentToken).statusCode()).isEqualTo(403);
        assertThat(put("/api/v1/brands/" + brand.id() + "/survey-settings", agentToken, "{\"enabled\":true}").statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/surveys/1", agentToken).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/reports/surveys", null).statusCode()).isEqualTo(401);
        WebSession asAgent = WebSession.signIn(baseUrl(), agent.email(), PASSWORD);
        assertThat(asAgent.get("/reports/surveys").statusCode()).isEqualTo(403);
        assertThat(asAgent.get("/surveys").statusCode()).isEqualTo(403);
        assertThat(asAgent.get("/reports/surveys.csv").statusCode()).isEqualTo(403);

        WebcareUser admin = anAdmin(PASSWORD);
        assertThat(api.get("/api/v1/reports/surveys", tokenFor(admin)).statusCode()).isEqualTo(200);
    }
}
