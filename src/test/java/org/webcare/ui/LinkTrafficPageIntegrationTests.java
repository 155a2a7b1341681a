package org.webcare.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.webcare.support.IntegrationTest;
import org.webcare.support.WebSession;

class LinkTrafficPageIntegrationTests extends IntegrationTest {

    @Test
    void teamLeadsSeeClicksPerTemplateAndDownloadThemAsCsv() {
        var brand = channels.createBrand(unique("Verkeer"));
        var channel = channels.createChannel(brand.id(), org.webcare.channel.ChannelType.API, "API", "http://127.0.0.1:9/x", true);
        long link = jdbc.sql("""
                        insert into tracked_link (code, target_url, brand_id, channel_id, template_id, template_name)
                        values (?, 'https://example.nl/<script>', ?, ?, 4242, 'Storing <b>kaart</b>') returning id""")
                .params("Tst" + Long.toString(System.nanoTime(), 36).substring(0, 5), brand.id(), channel.channel().id())
                .query(Long.class).single();
        jdbc.sql("insert into tracked_link_click (link_id, day, clicks, previews) values (?, ?, 7, 2)")
                .params(link, java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"))).update();
        var lead = anAdmin("long-enough-password");
        WebSession session = WebSession.signIn(baseUrl(), lead.email(), "long-enough-password");

        var page = session.get("/reports/links?brand=" + brand.id() + "&by=template");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Storing &lt;b&gt;kaart&lt;/b&gt;").doesNotContain("<b>kaart</b>")
                .contains(": 7</title>");
        var csv = session.get("/reports/links.csv?brand=" + brand.id() + "&by=link");
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));
        assertThat(csv.body()).isEqualTo("link,links,clicks,previews\r\nhttps://example.nl/<script>,1,7,2\r\n");

        assertThat(session.get("/reports/links?from=gisteren").body()).contains("from/to: dates such as 2026-11-30");
    }

    @Test
    void agentsMayNotSeeIt() {
        var agent = anAgent("long-enough-password");
        WebSession session = WebSession.signIn(baseUrl(), agent.email(), "long-enough-password");
        assertThat(session.get("/reports/links").statusCode()).isEqualTo(403);
        assertThat(session.get("/reports/links.csv").statusCode()).isEqualTo(403);
    }
}
