package org.webcare.database;

import java.nio.file.Path;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the application's {@link DataSource}: the external PostgreSQL when configured, otherwise the embedded one.
 *
 * <p>When another Webcare server already runs the embedded database, a command connects to that server's PostgreSQL
 * rather than failing, and says so.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseSettings.class)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseSettings settings,
            @org.springframework.beans.factory.annotation.Value("${webcare.command:false}") boolean command) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("webcare");
        config.setMaximumPoolSize(command ? 4 : 10);
        if (!settings.embedded()) {
            config.setJdbcUrl(settings.url());
            config.setUsername(settings.user());
            config.setPassword(settings.password());
            log.info("Using the external PostgreSQL at {}", settings.url());
            return new HikariDataSource(config);
        }
        Path directory = settings.embeddedDirectory();
        config.setUsername("postgres");
        Optional<EmbeddedPostgresServer.RunningServer> running = runningServerHolding(directory);
        if (running.isPresent() && command) {
            log.warn("A running Webcare server holds the embedded database in {}: using its PostgreSQL (pid {}, port {})",
                    directory, running.get().pid(), running.get().port());
            config.setJdbcUrl(EmbeddedPostgresServer.jdbcUrl(running.get().port(), settings.name()));
            return new HikariDataSource(config);
        }
        EmbeddedPostgresServer server = settings.sharedEmbedded()
                ? EmbeddedPostgresServer.shared(directory)
                : EmbeddedPostgresServer.start(directory);
        config.setJdbcUrl(server.jdbcUrl(settings.name()));
        return new StoppingDataSource(config, settings.sharedEmbedded() ? null : server);
    }

    private static Optional<EmbeddedPostgresServer.RunningServer> runningServerHolding(Path directory) {
        try {
            if (!EmbeddedPostgresServer.isLocked(directory)) {
                return Optional.empty();
            }
            return EmbeddedPostgresServer.RunningServer.in(directory);
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A pool that stops the embedded server it owns after its connections are closed. */
    static final class StoppingDataSource extends HikariDataSource {

        private final EmbeddedPostgresServer server;

        StoppingDataSource(HikariConfig config, EmbeddedPostgresServer server) {
            super(config);
            this.server = server;
        }

        @Override
        public void close() {
            super.close();
            if (server != null) {
                server.close();
            }
        }
    }
}
