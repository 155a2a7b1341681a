package org.webcare.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.channel.Brand;
import org.webcare.identity.Role;
import org.webcare.support.ApiClient;
import org.webcare.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The calendars' REST API over HTTP: team leads edit, agents read, bad definitions are refused naming the field. */
class CalendarApiIntegrationTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse battery";
    private static final String DEFINITION = """
            {"timeZone":"Europe/Amsterdam","hours":{"MONDAY":[["08:00","12:00"],["13:00","17:30"]],"FRIDAY":[["09:00","17:00"]]},
             "holidays":{"dates":["2027-12-31"],"dutch":["koningsdag","eerste-kerstdag"]}}""";

    @Autowired
    BusinessCalendars calendars;

    private ApiClient api() {
        return new ApiClient(baseUrl());
    }

    private String lead() {
        return tokenFor(users.create(unique("lead") + "@example.org", "Lotte Leider", PASSWORD, Role.TEAM_LEAD));
    }

    private Brand aBrand() {
        return channels.createBrand(unique("Brand"));
    }

    private long create(String token, long brandId, String name) {
        HttpResponse<String> created = api().postJson("/api/v1/calendars", token, """
                {"brandId":%d,"name":"%s","definition":%s}""".formatted(brandId, name, DEFINITION));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asLong();
    }

    @Test
    void teamLeadsCreateChangeAndRemoveCalendarsThatTheServiceComputesWith() {
        String lead = lead();
        Brand brand = aBrand();
        long id = create(lead, brand.id(), "Kantoortijden");

        JsonNode read = JSON.readTree(api().get("/api/v1/calendars?brand=" + brand.id(), lead).body());
        assertThat(read).hasSize(1);
        assertThat(read.get(0).path("name").asString()).isEqualTo("Kantoortijden");
        assertThat(read.get(0).path("definition").path("hours").path("FRIDAY").toString()).isEqualTo("[[\"09:00\",\"17:00\"]]");

        BusinessCalendar calendar = calendars.find(id).orElseThrow();
        assertThat(calendar.brandId()).isEqualTo(brand.id());
        assertThat(calendar.add(Instant.parse("2026-03-06T15:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-03-09T08:00:00Z"));
        assertThat(calendars.ofBrand(brand.id())).extracting(BusinessCalendar::id).containsExactly(id);

        HttpResponse<String> renamed = put("/api/v1/calendars/" + id, lead, "{\"name\":\"Webcare-team\"}");
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(calendars.get(id).name()).isEqualTo("Webcare-team");
        assertThat(calendars.get(id).definition().closedDates()).hasSize(1);

        HttpResponse<String> twice = api().postJson("/api/v1/calendars", lead, """
                {"brandId":%d,"name":"webcare-TEAM","definition":%s}""".formatted(brand.id(), DEFINITION));
        assertThat(twice.statusCode()).isEqualTo(409);

        assertThat(api().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/calendars/" + id))
                .header("Authorization", "Bearer " + lead).DELETE().build()).statusCode()).isEqualTo(204);
        assertThat(calendars.find(id)).isEmpty();
        assertThat(api().get("/api/v1/calendars/" + id, lead).statusCode()).isEqualTo(404);
    }

    @Test
    void agentsReadButCannotChange() {
        long id = create(lead(), aBrand().id(), "Kantoortijden");
        String agent = tokenFor(anAgent(PASSWORD));

        assertThat(api().get("/api/v1/calendars/" + id, agent).statusCode()).isEqualTo(200);
        assertThat(api().get("/api/v1/calendars/" + id + "/holidays?year=2027", agent).statusCode()).isEqualTo(200);
        assertThat(put("/api/v1/calendars/" + id, agent, "{\"name\":\"Mijn tijden\"}").statusCode()).isEqualTo(403);
        assertThat(api().postJson("/api/v1/calendars", agent, """
                {"brandId":%d,"name":"Eigen","definition":%s}""".formatted(aBrand().id(), DEFINITION)).statusCode()).isEqualTo(403);
        assertThat(api().postJson("/api/v1/calendars/" + id + "/import-ics", agent, "{\"url\":\"https://example.org/x.ics\"}")
                .statusCode()).isEqualTo(403);
        assertThat(api().get("/api/v1/calendars/" + id, null).statusCode()).isEqualTo(401);
        assertThat(calendars.get(id).name()).isEqualTo("Kantoortijden");
    }

    @Test
    void listsTheHolidaysOfAYearWithTheirNames() {
        String lead = lead();
        long id = create(lead, aBrand().id(), "Kantoortijden");

        HttpResponse<String> holidays = api().get("/api/v1/calendars/" + id + "/holidays?year=2027", lead);

        assertThat(holidays.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(holidays.body()).path("holidays");
        assertThat(list).hasSize(3);
        assertThat(list.get(0).path("date").asString()).isEqualTo("2027-04-27");
        assertThat(list.get(0).path("name").asString()).isEqualTo("Koningsdag");
        assertThat(list.get(1).path("date").asString()).isEqualTo("2027-12-25");
        assertThat(list.get(2).path("date").asString()).isEqualTo("2027-12-31");
    }

    @Test
    void refusesBadDefinitionsNamingTheField() {
        String agent = tokenFor(anAgent(PASSWORD));

        HttpResponse<String> overlap = api().postJson("/api/v1/calendars/check", agent, """
                {"timeZone":"Europe/Amsterdam","hours":{"MONDAY":[["08:00","12:00"],["11:00","13:00"]]}}""");
        HttpResponse<String> zone = api().postJson("/api/v1/calendars/check", agent, "{\"timeZone\":\"Europe/Amsterdan\"}");
        HttpResponse<String> good = api().postJson("/api/v1/calendars/check", agent, DEFINITION);
        HttpResponse<String> created = api().postJson("/api/v1/calendars", lead(), """
                {"brandId":%d,"name":"Kapot","definition":{"timeZone":"UTC","holidays":{"dutch":["sinterklaas"]}}}""".formatted(aBrand().id()));

        assertThat(overlap.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(overlap.body()).path("field").asString()).isEqualTo("hours.MONDAY[1]");
        assertThat(overlap.body()).contains("11:00–13:00 overlaps 08:00–12:00");
        assertThat(zone.statusCode()).isEqualTo(400);
        assertThat(zone.body()).contains("\"field\":\"timeZone\"").contains("unknown zone 'Europe/Amsterdan'");
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(created.statusCode()).isEqualTo(400);
        assertThat(created.body()).contains("\"field\":\"definition.holidays.dutch\"").contains("unknown holiday 'sinterklaas'");
    }

    @Test
    void importsTheDatesOfAnUploadedIcsFileAndRefusesInternalUrls() {
        String lead = lead();
        long id = create(lead, aBrand().id(), "Kantoortijden");
        String ics = """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//Test//NL\r
                BEGIN:VEVENT\r
                UID:1@test\r
                DTSTAMP:20260101T000000Z\r
                DTSTART;VALUE=DATE:20270102\r
                SUMMARY:Teamuitje\r
                END:VEVENT\r
                BEGIN:VEVENT\r
                UID:2@test\r
                DTSTAMP:20260101T000000Z\r
                DTSTART;VALUE=DATE:20270720\r
                DTEND;VALUE=DATE:20270723\r
                SUMMARY:Verhuizing\r
                END:VEVENT\r
                END:VCALENDAR\r
                """;
        String boundary = "webcare-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"vrij.ics\"\r\n"
                + "Content-Type: text/calendar\r\n\r\n" + ics + "\r\n--" + boundary + "--\r\n";

        HttpResponse<String> imported = api().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/calendars/" + id + "/import-ics"))
                .header("Authorization", "Bearer " + lead).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(calendars.get(id).definition().closedDates()).extracting(Object::toString)
                .containsExactly("2027-01-02", "2027-07-20", "2027-07-21", "2027-07-22", "2027-12-31");

        HttpResponse<String> internal = api().postJson("/api/v1/calendars/" + id + "/import-ics", lead,
                "{\"url\":\"http://169.254.169.254/latest/holidays.ics\"}");
        assertThat(internal.statusCode()).isEqualTo(400);
        assertThat(internal.body()).contains("\"field\":\"url\"").contains("169.254.169.254");
        HttpResponse<String> notIcs = api().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/calendars/" + id + "/import-ics"))
                .header("Authorization", "Bearer " + lead).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.replace(ics, "hello"), StandardCharsets.UTF_8)).build());
        assertThat(notIcs.statusCode()).isEqualTo(400);
        assertThat(notIcs.body()).contains("\"field\":\"ics\"");
    }

    @Test
    void theEditorPagesAreForTeamLeadsAndShowNamesAsText() {
        String lead = lead();
        String hostile = "<script>alert(1)</script>";
        Brand brand = aBrand();
        long id = create(lead, brand.id(), "Team " + hostile);
        String agent = tokenFor(anAgent(PASSWORD));

        assertThat(api().get("/calendars", agent).statusCode()).isEqualTo(403);
        assertThat(api().get("/calendars/" + id, agent).statusCode()).isEqualTo(403);
        HttpResponse<String> list = api().get("/calendars", lead);
        HttpResponse<String> editor = api().get("/calendars/" + id, lead);

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Team &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(hostile);
        assertThat(editor.statusCode()).isEqualTo(200);
        assertThat(editor.body()).doesNotContain(hostile).contains("Koningsdag").contains("value=\"13:00\"");
    }

    /** A feed on this machine, which the tests' guard allows (127.0.0.1) as an administrator could. */
    @Test
    void importsFromAUrl() throws Exception {
        String lead = lead();
        long id = create(lead, aBrand().id(), "Kantoortijden");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//NL\r\nBEGIN:VEVENT\r\nUID:3@test\r\nDTSTAMP:20260101T000000Z\r\n"
                .concat("DTSTART;VALUE=DATE:20270301\r\nSUMMARY:Studiedag\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").getBytes(StandardCharsets.UTF_8);
        server.createContext("/vrij.ics", exchange -> {
            exchange.sendResponseHeaders(200, ics.length);
            exchange.getResponseBody().write(ics);
            exchange.close();
        });
        server.start();
        try {
            HttpResponse<String> imported = api().postJson("/api/v1/calendars/" + id + "/import-ics", lead,
                    "{\"url\":\"http://127.0.0.1:" + server.getAddress().getPort() + "/vrij.ics\"}");
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            assertThat(calendars.get(id).definition().closedDates()).extracting(Object::toString).containsExactly("2027-03-01", "2027-12-31");
            assertThat(calendars.get(id).isOpen(Instant.parse("2027-03-01T10:00:00Z"))).isFalse();
        } finally {
            server.stop(0);
        }
    }

    private HttpResponse<String> put(String path, String token, String json) {
        return api().send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }
}
