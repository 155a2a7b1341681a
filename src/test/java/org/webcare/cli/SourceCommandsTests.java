package org.webcare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SourceCommandsTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final HttpServer server;

    SourceCommandsTests() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed.xml", exchange -> {
            byte[] body = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0"><channel><title>Blog</title><link>http://blog.example/</link><description>d</description>
                    <item><title>Nieuw &lt;i&gt;tarief&lt;/i&gt;</title><link>/2025/tarief</link><guid>p-2</guid>
                      <author>redactie@blog.example (Redactie)</author><pubDate>Fri, 14 Mar 2025 09:30:00 +0100</pubDate>
                      <description>&lt;p&gt;Vanaf april duurder.&lt;/p&gt;</description></item>
                    <item><title>Zonder datum</title><guid>p-1</guid></item>
                    </channel></rss>
                    """.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String feed() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
    }

    private int run(String allow, String... args) {
        return new SourceCommands(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args), allow);
    }

    @Test
    void printsWhatTheFeedWouldDeliverAsJsonLines() {
        int exit = run("127.0.0.1", "check", "rss", feed());

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "{\"externalId\":\"p-1\",\"url\":null,\"title\":\"Zonder datum\","
                        + "\"text\":\"Zonder datum\",\"author\":\"127.0.0.1\",\"publishedAt\":null}",
                "{\"externalId\":\"p-2\",\"url\":\"http://127.0.0.1:" + server.getAddress().getPort() + "/2025/tarief\",\"title\":\"Nieuw tarief\","
                        + "\"text\":\"Nieuw tarief\\n\\nVanaf april duurder.\",\"author\":\"redactie@blog.example (Redactie)\","
                        + "\"publishedAt\":\"2025-03-14T08:30:00Z\"}");
    }

    @Test
    void refusesAnInternalAddressThatIsNotAllowedAndSaysHowToAllowIt() {
        int exit = run("", "check", "rss", feed());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("webcare source check: '127.0.0.1' resolves to 127.0.0.1, a loopback")
                .contains("WEBCARE_FETCH_ALLOW");
    }

    @Test
    void reportsWhatIsNotAFeedOrUnreachable() {
        assertThat(run("127.0.0.1", "check", "rss", feed().replace("feed.xml", "nothing"))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("answered 404: there is no feed at this address");
        assertThat(run("127.0.0.1", "check", "rss", "http://127.0.0.1:1/feed.xml")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot connect to '127.0.0.1'").contains("(this may pass later)");
        assertThat(run("10.0.0.0/99", "check", "rss", feed())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("webcare.fetch.allow (WEBCARE_FETCH_ALLOW): '10.0.0.0/99'");
        assertThat(run("", "check", "rss", "ftp://blog.example/feed")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("settings.url: must be an http or https URL");
    }
}
