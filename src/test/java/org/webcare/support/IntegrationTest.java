package org.webcare.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.webcare.channel.ChannelType;
import org.webcare.channel.Channels;
import org.webcare.channel.NewChannel;
import org.webcare.identity.ApiTokens;
import org.webcare.identity.Role;
import org.webcare.identity.Users;
import org.webcare.identity.WebcareUser;

/**
 * Base of the integration tests: the whole application on a real embedded PostgreSQL that is started once per test
 * run (every subclass shares one application context and one database server).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "webcare.db.shared-embedded=true",
        "webcare.demo=true",
        "webcare.outbox.poll-interval=100ms",
        "webcare.outbox.first-retry-delay=200ms",
        "webcare.outbox.max-retry-delay=1s",
        "webcare.outbox.lease=2s",
        "webcare.outbox.request-timeout=2s",
        "webcare.outbox.max-attempts=5",
        "webcare.api.max-body-size=8KB",
        "webcare.alerts.poll-interval=100ms",
        "webcare.alerts.instant-window=2s",
        "webcare.alerts.first-retry-delay=200ms",
        "webcare.alerts.max-retry-delay=1s",
        "webcare.alerts.lease=2s",
        "webcare.alerts.request-timeout=2s",
        "webcare.alerts.webhook-allowed-hosts=localhost",
        "webcare.alerts.from=webcare@example.org",
        "webcare.sources.tick=100ms",
        // Test servers (feeds, stubs) listen on loopback, which connectors may not reach by default.
        "webcare.fetch.allow=127.0.0.1",
        // The demo's live feed posts when a test asks it to, not on its own in between.
        "webcare.demo.live-interval=PT24H",
        "webcare.sources.first-retry-delay=200ms",
        "webcare.sources.max-retry-delay=1s",
        "webcare.sources.permanent-retry-delay=500ms",
        // Crisis checks run when a test calls them, with its own clock, never on their own in between.
        "webcare.crisis.check-interval=PT24H"
})
public abstract class IntegrationTest {

    private static final Path DATA_DIR = createDataDir();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Channels channels;

    @Autowired
    protected Users users;

    @Autowired
    protected ApiTokens tokens;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("webcare.db.data-dir", DATA_DIR::toString);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMailServer::port);
        registry.add("webcare.consults.from", () -> TestMailServer.CONSULTS);
        registry.add("webcare.consults.poll-interval", () -> "300ms");
        registry.add("webcare.consults.imap.host", () -> "127.0.0.1");
        registry.add("webcare.consults.imap.port", TestMailServer::imapPort);
        registry.add("webcare.consults.imap.ssl", () -> "false");
        registry.add("webcare.consults.imap.username", () -> TestMailServer.CONSULTS_LOGIN);
        registry.add("webcare.consults.imap.password", () -> TestMailServer.CONSULTS_PASSWORD);
    }

    public static Path dataDir() {
        return DATA_DIR;
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected NewChannel anApiChannel(String callbackUrl) {
        var brand = channels.createBrand(unique("Brand"));
        return channels.createChannel(brand.id(), ChannelType.API, "API", callbackUrl, true);
    }

    protected WebcareUser anAgent(String password) {
        return users.create(unique("agent") + "@example.org", "Anne de Vries", password, Role.AGENT);
    }

    protected WebcareUser anAdmin(String password) {
        return users.create(unique("admin") + "@example.org", "Bram Admin", password, Role.ADMIN);
    }

    protected String tokenFor(WebcareUser user) {
        return tokens.create(user.id(), "test");
    }

    private static Path createDataDir() {
        try {
            Path dir = Files.createTempDirectory("webcare-test-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
