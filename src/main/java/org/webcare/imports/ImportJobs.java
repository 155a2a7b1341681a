package org.webcare.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports that run in the background, one at a time, recorded in {@code import_job} with their figures (updated every
 * few seconds) so the admin page and the API can follow them. The uploaded file is kept in a temporary file until its
 * import ends. A job that was running when Webcare stopped is marked failed at the next start; running it again is safe
 * because imports are idempotent.
 */
@Service
public class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String INTERRUPTED = "interrupted: Webcare stopped while it ran; start it again (an import adds nothing twice)";

    private final JdbcClient jdbc;
    private final TwcsImport twcs;
    private final PostsImport posts;
    private final boolean command;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "import");
        thread.setDaemon(true);
        return thread;
    });

    ImportJobs(JdbcClient jdbc, TwcsImport twcs, PostsImport posts, @Value("${webcare.command:false}") boolean command) {
        this.jdbc = jdbc;
        this.twcs = twcs;
        this.posts = posts;
        this.command = command;
    }

    /** A command-line run shares the database with the server: only the server itself may call its jobs interrupted. */
    @EventListener(ApplicationReadyEvent.class)
    void markInterrupted() {
        if (!command) {
            jdbc.sql("update import_job set state = 'failed', error = ?, finished_at = now() where state = 'running'")
                    .param(INTERRUPTED).update();
        }
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        worker.shutdownNow();
    }

    /** Copies the upload to a temporary file (never held in memory) and starts a twcs import of it. */
    public ImportJob startTwcs(InputStream upload, String fileName, Duration resolveAfter, Long userId) throws IOException {
        Path file = receive(upload);
        long id = insert("twcs", null, fileName, Files.size(file), userId);
        submit(id, file, figures -> twcs.run(file, resolveAfter, figures));
        return find(id).orElseThrow();
    }

    /** Copies the upload to a temporary file and starts a JSON Lines import of it into the channel. */
    public ImportJob startPosts(InputStream upload, String fileName, long channelId, Long userId) throws IOException {
        Path file = receive(upload);
        long id = insert("posts", channelId, fileName, Files.size(file), userId);
        submit(id, file, figures -> posts.run(file, channelId, figures));
        return find(id).orElseThrow();
    }

    public Optional<ImportJob> find(long id) {
        return jdbc.sql("select * from import_job where id = ?").param(id).query(ImportJobs::row).optional();
    }

    /** The most recent jobs, newest first. */
    public List<ImportJob> recent(int limit) {
        return jdbc.sql("select * from import_job order by started_at desc, id desc limit ?").param(limit)
                .query(ImportJobs::row).list();
    }

    private static Path receive(InputStream upload) throws IOException {
        Path file = Files.createTempFile("webcare-import-", ".upload");
        try (InputStream in = upload) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        if (Files.size(file) == 0) {
            Files.deleteIfExists(file);
            throw new IllegalArgumentException("file: is empty; send the file as the request body");
        }
        return file;
    }

    private long insert(String kind, Long channelId, String fileName, long bytes, Long userId) {
        String name = fileName == null || fileName.isBlank() ? null : fileName.strip();
        if (name != null && name.length() > 200) {
            name = name.substring(0, 200);
        }
        return jdbc.sql("""
                        insert into import_job (kind, channel_id, file_name, file_bytes, state, started_by)
                        values (?, ?, ?, ?, 'running', ?) returning id""")
                .params(kind, channelId, name, bytes, userId).query(Long.class).single();
    }

    private interface Work {
        ImportSummary run(ImportProgress progress) throws IOException;
    }

    private void submit(long id, Path file, Work work) {
        worker.submit(() -> {
            ImportProgress progress = new ImportProgress() {
                @Override
                public void progress(String phase, ImportFigures figures) {
                    figures(id, figures);
                }
            };
            try {
                ImportSummary summary = work.run(progress);
                jdbc.sql("""
                                update import_job set state = 'done', finished_at = now(), rows_read = ?, posts_stored = ?,
                                  replies_recorded = ?, duplicates = ?, skipped = ?, cases_resolved = ?,
                                  problems = cast(? as text[]), summary = cast(? as jsonb) where id = ?""")
                        .params(summary.rowsRead(), summary.postsStored(), summary.repliesRecorded(), summary.duplicates(),
                                summary.skipped(), summary.casesResolved(), summary.problems().toArray(String[]::new),
                                JSON.writeValueAsString(summary), id)
                        .update();
            } catch (Exception e) {
                log.warn("Import {} failed", id, e);
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                jdbc.sql("update import_job set state = 'failed', finished_at = now(), error = ? where id = ?")
                        .params(message, id).update();
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("Could not delete the uploaded file {}", file, e);
                }
            }
        });
    }

    private void figures(long id, ImportFigures figures) {
        jdbc.sql("""
                        update import_job set rows_read = ?, posts_stored = ?, replies_recorded = ?, duplicates = ?,
                          skipped = ?, cases_resolved = ?, problems = cast(? as text[]) where id = ?""")
                .params(figures.rowsRead(), figures.postsStored(), figures.repliesRecorded(), figures.duplicates(),
                        figures.skipped(), figures.casesResolved(), figures.problems().toArray(String[]::new), id)
                .update();
    }

    static ImportJob row(ResultSet rs, int n) throws SQLException {
        java.sql.Timestamp finished = rs.getTimestamp("finished_at");
        java.sql.Array problems = rs.getArray("problems");
        return new ImportJob(rs.getLong("id"), rs.getString("kind"), rs.getObject("channel_id", Long.class),
                rs.getString("file_name"), rs.getObject("file_bytes", Long.class), rs.getString("state"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                rs.getLong("rows_read"), rs.getLong("posts_stored"), rs.getLong("replies_recorded"), rs.getLong("duplicates"),
                rs.getLong("skipped"), rs.getLong("cases_resolved"),
                problems == null ? List.of() : List.of((String[]) problems.getArray()), rs.getString("summary"),
                rs.getString("error"));
    }
}
