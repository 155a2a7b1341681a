package org.webcare.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Actor;
import org.webcare.cases.Case;
import org.webcare.cases.CaseStatus;
import org.webcare.cases.Cases;
import org.webcare.cases.Replies;
import org.webcare.channel.Brand;
import org.webcare.channel.ChannelType;
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.support.IntegrationTest;
import org.webcare.support.WebSession;

/**
 * The reports page, its drill-down and CSV exports over a known set of cases of one brand, built through intake,
 * replies and status changes as the team would: every figure shown is computed here from those cases.
 */
class ReportsPagesIntegrationTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-agent-password";
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    /** A customer name that would run as a formula in a spreadsheet, with quotes, markup and a line break. */
    private static final String HOSTILE = "=HYPERLINK(\"https://evil.example\",\"<b>klik</b>\")\nKees \"de klant\"";

    @Autowired
    Intake intake;

    @Autowired
    Replies replies;

    @Autowired
    Cases cases;

    private Brand brand;
    private long x;
    private long mail;
    private LocalDate day;
    private Case answeredAndResolved;
    private Case answeredLater;
    private Case unanswered;
    private WebSession lead;

    /**
     * Yesterday in Amsterdam: case A (X, hostile customer) answered after 10 minutes and resolved now; case B (X)
     * answered after 30 minutes; case C (mail) not answered; and one overheard post on X that opens no case.
     */
    @BeforeEach
    void knownCases() {
        brand = channels.createBrand(unique("=Shop"), List.of("@shop"));
        x = channels.createChannel(brand.id(), ChannelType.API, "X", "http://127.0.0.1:9/x", true).channel().id();
        mail = channels.createChannel(brand.id(), ChannelType.API, "Mail", "http://127.0.0.1:9/mail", true).channel().id();
        day = LocalDate.now(ZONE).minusDays(1);
        long a = post(x, "@anna", HOSTILE, "@shop mijn pakket is kwijt", at(10, 0), true);
        replies.recordDelivered(a, "Wat vervelend, we zoeken het uit", Visibility.PUBLIC, "Anne", at(10, 10));
        long b = post(x, "@bert", "Bert", "@shop mijn factuur klopt niet", at(11, 0), true);
        replies.recordDelivered(b, "We kijken ernaar", Visibility.PUBLIC, "Anne", at(11, 30));
        long c = post(mail, "@carla", "Carla", "@shop waar blijft mijn bestelling", at(12, 0), true);
        post(x, "@dirk", "Dirk", "shop heeft vandaag weer een storing zeg", at(13, 0), false);
        answeredAndResolved = cases.changeStatus(cases.caseOf(a).orElseThrow().id(), CaseStatus.RESOLVED, Actor.WEBCARE, "gevonden");
        answeredLater = cases.caseOf(b).orElseThrow();
        unanswered = cases.caseOf(c).orElseThrow();
        WebcareUser user = users.create(unique("lead") + "@example.org", "Lotte Lead", PASSWORD, Role.TEAM_LEAD);
        lead = WebSession.signIn(baseUrl(), user.email(), PASSWORD);
    }

    @Test
    void theReportShowsTheFiguresOfTheChosenBrandAndPeriod() {
        String page = ok(lead.get("/reports?brand=" + brand.id() + "&period=7d&per=brand&lang=en"));

        assertThat(tile(page, "tile-monitored")).isEqualTo("4");
        assertThat(tile(page, "tile-answer-rate")).isEqualTo("67%");
        assertThat(tile(page, "tile-first-response")).isEqualTo("20.0 min");
        double resolutionMinutes = Duration.between(at(10, 0), answeredAndResolved.resolvedAt()).toMillis() / 60_000.0;
        assertThat(tile(page, "tile-resolution")).isEqualTo(String.format(Locale.ENGLISH, "%.1f min",
                Math.round(resolutionMinutes * 10) / 10.0));
        assertThat(tile(page, "tile-backlog")).as("B and C are still open").isEqualTo("2");
        assertThat(page).contains("3 addressed, 1 overheard", "2 of 3 answered");

        String total = row(page, "total");
        assertThat(cells(total)).startsWith("4", "3", "1", "2", "67%");
        assertThat(link(total, "FIRST_RESPONSE")).isEqualTo("2");
        assertThat(link(total, "UNANSWERED")).isEqualTo("1");
        assertThat(link(total, "RESOLVED")).isEqualTo("1");
        String brandRow = row(page, Long.toString(brand.id()));
        assertThat(brandRow).contains(escaped(brand.name()));
        assertThat(cells(brandRow)).startsWith("4", "3", "1", "2", "67%");

        // Yesterday's bars and today's backlog, by their titles.
        String yesterday = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH).format(day);
        String today = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH).format(day.plusDays(1));
        assertThat(titles(page, "chart-volume")).contains(yesterday + ": 4 monitored", yesterday + ": 3 addressed",
                yesterday + ": 2 answered", today + ": 0 monitored");
        assertThat(titles(page, "chart-first-response")).contains(yesterday + ": median 20.0 minutes", today + ": –");
        assertThat(titles(page, "chart-backlog")).contains(yesterday + ": 3 cases open", today + ": 2 cases open");
        assertThat(titles(page, "chart-volume")).hasSize(7 * 3);
        assertThat(page).contains("aria-label=\"Volume per day: 4 monitored, 3 addressed, 2 answered in the period\"");
    }

    @Test
    void filtersNarrowTheFiguresAndRowsArePerChannel() {
        String mailOnly = ok(lead.get("/reports?brand=" + brand.id() + "&channel=" + mail + "&period=30d"));
        assertThat(tile(mailOnly, "tile-monitored")).isEqualTo("1");
        assertThat(tile(mailOnly, "tile-answer-rate")).isEqualTo("0%");
        assertThat(link(row(mailOnly, "total"), "UNANSWERED")).isEqualTo("1");
        assertThat(link(row(mailOnly, "total"), "FIRST_RESPONSE")).isEqualTo("0");

        String perChannel = ok(lead.get("/reports?brand=" + brand.id() + "&period=custom&from=" + day + "&to=" + day + "&per=channel"));
        assertThat(cells(row(perChannel, Long.toString(x)))).startsWith("3", "2", "1", "2", "100%");
        assertThat(cells(row(perChannel, Long.toString(mail)))).startsWith("1", "1", "0", "0", "0%");
        assertThat(link(row(perChannel, Long.toString(x)), "FIRST_RESPONSE")).isEqualTo("2");
        // The channel row's link narrows the drill-down to that channel.
        String drill = ok(lead.get(href(row(perChannel, Long.toString(mail)), "UNANSWERED")));
        assertThat(caseIds(drill)).containsExactly(unanswered.id());
        assertThat(drill).contains("Brand: " + escaped(brand.name()), "Channel: " + escaped(brand.name()) + " · Mail");

        // Rows of cases without a team or agent, and of replies from history by name only, show without a link.
        assertThat(ok(lead.get("/reports?period=90d&per=agent"))).contains("data-figure=\"RESOLVED\"");
        assertThat(ok(lead.get("/reports?period=90d&per=team"))).contains("data-figure=\"RESOLVED\"");

        String dayBefore = ok(lead.get("/reports?brand=" + brand.id() + "&period=custom&from=" + day.minusDays(3)
                + "&to=" + day.minusDays(1)));
        assertThat(tile(dayBefore, "tile-monitored")).isEqualTo("0");
        assertThat(dayBefore).contains("Backlog at the end");

        String wrong = ok(lead.get("/reports?brand=" + brand.id() + "&period=custom&from=" + day + "&to=gisteren"));
        assertThat(wrong).contains("to: give a date like 2026-01-31, got &#39;gisteren&#39;");
        assertThat(lead.get("/reports/kpis.csv?period=weekly").statusCode()).isEqualTo(400);
        assertThat(lead.get("/reports/kpis.csv?period=weekly").body()).startsWith("period: must be 7d, 30d, 90d, month or custom");
    }

    @Test
    void theDrillDownListsExactlyTheCasesBehindAFigure() {
        String filters = "&brand=" + brand.id() + "&period=7d";
        assertThat(caseIds(ok(lead.get("/reports/cases?figure=FIRST_RESPONSE" + filters))))
                .containsExactlyInAnyOrder(answeredAndResolved.id(), answeredLater.id());
        assertThat(caseIds(ok(lead.get("/reports/cases?figure=UNANSWERED" + filters)))).containsExactly(unanswered.id());
        String resolved = ok(lead.get("/reports/cases?figure=RESOLVED" + filters));
        assertThat(caseIds(resolved)).containsExactly(answeredAndResolved.id());
        assertThat(resolved).contains("href=\"/cases/" + answeredAndResolved.id() + "\"").doesNotContain("<b>klik</b>");
        assertThat(caseIds(ok(lead.get("/reports/cases?figure=BACKLOG" + filters))))
                .containsExactlyInAnyOrder(answeredLater.id(), unanswered.id());

        // The tile links carry the page's filters.
        String page = ok(lead.get("/reports?brand=" + brand.id() + "&period=7d"));
        Matcher tile = Pattern.compile("id=\"tile-answer-rate\" href=\"([^\"]+)\"").matcher(page);
        assertThat(tile.find()).isTrue();
        assertThat(caseIds(ok(lead.get(tile.group(1).replace("&amp;", "&"))))).containsExactly(unanswered.id());

        HttpResponse<String> wrong = lead.get("/reports/cases?figure=HAPPY" + filters);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("figure: must be one of");
    }

    @Test
    void everyTableDownloadsAsCsvThatASpreadsheetCannotRun() throws IOException {
        String filters = "brand=" + brand.id() + "&period=7d";
        HttpResponse<String> kpis = lead.get("/reports/kpis.csv?" + filters);
        assertThat(kpis.statusCode()).isEqualTo(200);
        assertThat(kpis.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;").contains(".csv");
        assertThat(kpis.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        Csv kpiCsv = csv(kpis.body());
        assertThat(kpiCsv.header()).startsWith("per", "key", "label", "monitored", "addressed", "overheard",
                "answered", "answer_rate", "reply_time_count");
        assertThat(kpiCsv.header()).contains("first_response_median_minutes", "resolution_within_target",
                "cases_opened", "negative_share");
        assertThat(kpiCsv.rows()).hasSize(2);
        var brandRow = kpiCsv.rows().get(0);
        assertThat(brandRow.get("label")).as("a brand name starting with = is text").isEqualTo("'" + brand.name());
        assertThat(brandRow.get("monitored")).isEqualTo("4");
        assertThat(brandRow.get("answer_rate")).isEqualTo("0.6667");
        assertThat(brandRow.get("first_response_median_minutes")).isEqualTo("20.0");
        assertThat(kpiCsv.rows().get(1).get("per")).isEqualTo("total");

        String raw = lead.get("/reports/cases.csv?figure=FIRST_RESPONSE&" + filters).body();
        Csv drill = csv(raw);
        assertThat(drill.header()).containsExactly("case", "brand", "channel", "customer", "opened",
                "first_response", "resolved", "status", "assignee");
        assertThat(drill.rows().stream().map(r -> Long.valueOf(r.get("case"))).toList())
                .containsExactlyInAnyOrder(answeredAndResolved.id(), answeredLater.id());
        var hostile = drill.rows().stream().filter(r -> r.get("case").equals(Long.toString(answeredAndResolved.id())))
                .findFirst().orElseThrow();
        String customer = cases.get(answeredAndResolved.id()).customer();
        assertThat(customer).startsWith("=HYPERLINK(");
        assertThat(hostile.get("customer")).isEqualTo("'" + customer);
        assertThat(hostile.get("brand")).isEqualTo("'" + brand.name());
        assertThat(raw).contains("\"'=HYPERLINK(\"\"https://evil.example\"\"");
        assertThat(raw.lines()).noneMatch(line -> line.startsWith("=") || line.startsWith("\"="));

        Csv trend = csv(lead.get("/reports/trend.csv?" + filters).body());
        assertThat(trend.header()).containsExactly("date", "monitored", "addressed", "answered", "negative",
                "positive", "cases_opened", "cases_resolved", "backlog", "first_response_median_minutes", "sla_compliance");
        assertThat(trend.rows()).hasSize(7);
        var yesterday = trend.rows().stream().filter(r -> r.get("date").equals(day.toString())).findFirst().orElseThrow();
        assertThat(List.of(yesterday.get("monitored"), yesterday.get("addressed"), yesterday.get("answered"),
                yesterday.get("cases_opened"), yesterday.get("backlog"), yesterday.get("first_response_median_minutes")))
                .containsExactly("4", "3", "2", "3", "3", "20.0");

        assertThat(csv(lead.get("/reports/sla.csv?" + filters).body()).header())
                .containsExactly("policy_id", "policy", "clock", "met", "breached", "compliance");
        assertThat(csv(lead.get("/reports/breakdowns.csv?" + filters).body()).header())
                .containsExactly("kind", "name", "count");
        assertThat(lead.get("/reports/nothing.csv?" + filters).statusCode()).isEqualTo(400);
    }

    @Test
    void agentsMayNotSeeReports() {
        WebcareUser agent = anAgent(PASSWORD);
        WebSession session = WebSession.signIn(baseUrl(), agent.email(), PASSWORD);
        assertThat(session.get("/reports").statusCode()).isEqualTo(403);
        assertThat(session.get("/reports/cases?figure=CASES").statusCode()).isEqualTo(403);
        assertThat(session.get("/reports/kpis.csv").statusCode()).isEqualTo(403);
        assertThat(session.get("/reports/cases.csv?figure=CASES").statusCode()).isEqualTo(403);
        assertThat(session.post("/reports/weekly", java.util.Map.of("brand", Long.toString(brand.id()))).statusCode()).isEqualTo(403);
        assertThat(session.get("/inbox").body()).doesNotContain("id=\"nav-reports\"");
        assertThat(ok(lead.get("/inbox"))).contains("id=\"nav-reports\"");
    }

    private long post(long channel, String handle, String name, String text, Instant at, boolean toBrand) {
        return intake.accept(new InboundPost(channel, unique("p"), handle, name, text, Visibility.PUBLIC, at, null, null,
                toBrand, brand.handles(), "api", null)).postId();
    }

    private Instant at(int hour, int minute) {
        return day.atTime(hour, minute).atZone(ZONE).toInstant();
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String tile(String page, String id) {
        Matcher matcher = Pattern.compile("id=\"" + id + "\".*?class=\"tile-value\"[^>]*>([^<]*)<", Pattern.DOTALL).matcher(page);
        assertThat(matcher.find()).as("tile " + id).isTrue();
        return matcher.group(1).strip();
    }

    private static String row(String page, String key) {
        Matcher matcher = Pattern.compile("<tr[^>]*data-key=\"" + Pattern.quote(key) + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(matcher.find()).as("row " + key).isTrue();
        return matcher.group(1);
    }

    /** The text of a row's data cells, links unwrapped. */
    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        Matcher matcher = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row);
        while (matcher.find()) {
            cells.add(matcher.group(1).replaceAll("<[^>]+>", "").strip());
        }
        return cells;
    }

    private static String link(String row, String figure) {
        Matcher matcher = Pattern.compile("data-figure=\"" + figure + "\"><a [^>]*>([^<]*)</a>").matcher(row);
        assertThat(matcher.find()).as("link " + figure).isTrue();
        return matcher.group(1).strip();
    }

    private static String href(String row, String figure) {
        Matcher matcher = Pattern.compile("data-figure=\"" + figure + "\"><a href=\"([^\"]+)\"").matcher(row);
        assertThat(matcher.find()).as("link " + figure).isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    private static List<String> titles(String page, String chart) {
        Matcher section = Pattern.compile("id=\"" + chart + "\"(.*?)</section>", Pattern.DOTALL).matcher(page);
        assertThat(section.find()).as("chart " + chart).isTrue();
        List<String> titles = new ArrayList<>();
        Matcher title = Pattern.compile("<title>([^<]*)</title>").matcher(section.group(1));
        while (title.find()) {
            titles.add(title.group(1));
        }
        return titles;
    }

    private static List<Long> caseIds(String page) {
        List<Long> ids = new ArrayList<>();
        Matcher matcher = Pattern.compile("data-case=\"(\\d+)\"").matcher(page);
        while (matcher.find()) {
            ids.add(Long.valueOf(matcher.group(1)));
        }
        return ids;
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A CSV download: its header and its rows by column name. */
    private record Csv(List<String> header, List<java.util.Map<String, String>> rows) {
    }

    private static Csv csv(String body) throws IOException {
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(body)).getRecords();
        List<String> header = records.getFirst().toList();
        List<java.util.Map<String, String>> rows = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            java.util.Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), record.get(i));
            }
            rows.add(row);
        }
        return new Csv(header, rows);
    }

}
