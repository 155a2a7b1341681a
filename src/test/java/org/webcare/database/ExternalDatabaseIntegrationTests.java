package org.webcare.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.webcare.WebcareApplication;
import org.webcare.channel.ChannelType;
import org.webcare.channel.Channels;
import org.webcare.channel.NewChannel;
import org.webcare.support.ApiClient;

/**
 * The same build on an external PostgreSQL server, given by {@code WEBCARE_TEST_EXTERNAL_DB_URL} (and
 * {@code _USER}/{@code _PASSWORD}); {@code .ci/run} provides Debian's PostgreSQL for it.
 */
class ExternalDatabaseIntegrationTests {

    @Test
    void runsMigrationsAndTakesPostsOnAnExternalServer() {
        String url = System.getenv("WEBCARE_TEST_EXTERNAL_DB_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(),
                "set WEBCARE_TEST_EXTERNAL_DB_URL (and _USER, _PASSWORD) to a PostgreSQL 14+ database to run this test");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WebcareApplication.class).run(
                "--webcare.db.url=" + url,
                "--webcare.db.user=" + System.getenv().getOrDefault("WEBCARE_TEST_EXTERNAL_DB_USER", ""),
                "--webcare.db.password=" + System.getenv().getOrDefault("WEBCARE_TEST_EXTERNAL_DB_PASSWORD", ""),
                "--webcare.db.data-dir=/nonexistent/never-used",
                "--server.port=0", "--webcare.demo=false")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select current_setting('server_version_num')::int").query(Integer.class).single())
                    .isGreaterThanOrEqualTo(140000);
            Channels channels = app.getBean(Channels.class);
            NewChannel channel = channels.createChannel(channels.createBrand("Extern " + System.nanoTime()).id(),
                    ChannelType.API, "API", "http://127.0.0.1:9/none", true);
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();

            var response = new ApiClient("http://localhost:" + port)
                    .deliverPost(channel.channel().id(), channel.secret(), ApiClient.aPost("ext-1", "Werkt het ook extern?"));

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(jdbc.sql("select text from post where channel_id = ?").param(channel.channel().id())
                    .query(String.class).list()).containsExactly("Werkt het ook extern?");
        }
    }
}
