package org.webcare.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database lives: {@code url} empty means the embedded PostgreSQL under {@code dataDir}.
 *
 * @param dataDir directory holding Webcare's data (the embedded database lives in {@code dataDir/postgres})
 * @param url JDBC URL of an external PostgreSQL 14+; blank for the embedded one
 * @param user user for the external database
 * @param password password for the external database
 * @param name name of the database inside the embedded server
 * @param sharedEmbedded keep one embedded server per JVM across application contexts (tests)
 */
@ConfigurationProperties("webcare.db")
public record DatabaseSettings(Path dataDir, String url, String user, String password, String name, boolean sharedEmbedded) {

    public DatabaseSettings {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        name = name == null || name.isBlank() ? "webcare" : name;
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("webcare.db.name: '" + name + "' is not a plain lower-case database name");
        }
    }

    public boolean embedded() {
        return url == null || url.isBlank();
    }

    Path embeddedDirectory() {
        return dataDir.toAbsolutePath().normalize().resolve("postgres");
    }
}
