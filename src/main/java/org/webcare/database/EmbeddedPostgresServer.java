package org.webcare.database;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 18 kept in one data directory: initialised on first use, reused afterwards.
 *
 * <p>One process owns the directory at a time (zonky's {@code epg-lock} file lock). A command that finds the
 * directory held by a running Webcare server connects to that server's PostgreSQL instead of starting its own.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String LOCK_FILE = "epg-lock";
    private static final Map<Path, EmbeddedPostgresServer> shared = new ConcurrentHashMap<>();

    private final Path directory;
    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedPostgresServer(Path directory, EmbeddedPostgres postgres, int port) {
        this.directory = directory;
        this.postgres = postgres;
        this.port = port;
    }

    /** One server per directory for the whole JVM, stopped when the JVM exits (used by the test suite). */
    static EmbeddedPostgresServer shared(Path directory) {
        return shared.computeIfAbsent(directory, dir -> {
            EmbeddedPostgresServer server = start(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
            return server;
        });
    }

    static EmbeddedPostgresServer start(Path directory) {
        try {
            Files.createDirectories(directory);
            Optional<RunningServer> running = RunningServer.in(directory);
            if (running.isPresent() && isLocked(directory)) {
                throw new EmbeddedDatabaseInUseException("The embedded database in " + directory
                        + " is in use by another running Webcare process (PostgreSQL pid " + running.get().pid()
                        + ", port " + running.get().port() + "). Stop that process first, or set WEBCARE_DATA_DIR"
                        + " to another directory.");
            }
            running.ifPresent(orphan -> orphan.stop(Duration.ofSeconds(30)));
            boolean fresh = !Files.exists(directory.resolve("postgresql.conf"));
            long started = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory.toFile())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "localhost")
                    // zonky tunes for throw-away test databases (-F, synchronous_commit=off); this one keeps a
                    // team's data, so an accepted post must survive a crash of PostgreSQL or the machine.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(directory, postgres, postgres.getPort());
            log.info("Embedded PostgreSQL {} in {} on port {} ({} ms)", fresh ? "initialised" : "started",
                    directory, server.port, (System.nanoTime() - started) / 1_000_000);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Whether a live process holds zonky's lock on the directory. */
    static boolean isLocked(Path directory) {
        Path lockFile = directory.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
             FileChannel channel = file.getChannel()) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** JDBC URL of a database in this server, created on first use. */
    synchronized String jdbcUrl(String database) {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            statement.setString(1, database);
            try (var rs = statement.executeQuery()) {
                if (!rs.next()) {
                    // The name was checked to be a plain identifier (DatabaseSettings), so it can be inlined.
                    connection.createStatement().execute("create database " + database + " encoding 'UTF8' template template0");
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create the database '" + database + "': " + e.getMessage(), e);
        }
        return jdbcUrl(port, database);
    }

    static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL in {} stopped", directory);
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL in {}: {}", directory, e.getMessage());
        }
    }

    /** A postmaster found through its {@code postmaster.pid} file. */
    record RunningServer(long pid, int port) {

        static Optional<RunningServer> in(Path directory) throws IOException {
            Path pidFile = directory.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            boolean alive = ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .flatMap(handle -> handle.info().command())
                    .filter(command -> command.contains("postgres"))
                    .isPresent();
            return alive ? Optional.of(new RunningServer(pid, port)) : Optional.empty();
        }

        /** Stops a postmaster left behind by a Webcare process that died without shutting it down. */
        void stop(Duration timeout) {
            log.warn("Stopping PostgreSQL (pid {}) left running by a Webcare process that ended abruptly", pid);
            ProcessHandle.of(pid).ifPresent(handle -> {
                handle.destroy();
                try {
                    handle.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("PostgreSQL pid " + pid + " did not stop within " + timeout, e);
                }
            });
        }
    }
}
