package org.webcare.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.support.ApiClient;
import org.webcare.support.Eventually;
import org.webcare.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Posts as JSON Lines, from a file and over the REST API; and a twcs CSV over the REST API as a background job. */
class PostsImportTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    PostsImport postsImport;

    @Test
    void goodLinesAreStoredBadOnesReportedByNumberAndDuplicatesStoredOnce() throws Exception {
        var channel = anApiChannel("http://127.0.0.1:9/replies").channel();
        String id = unique("j");
        Path file = Files.createTempFile("posts", ".jsonl");
        Files.writeString(file, String.join("\n",
                ApiClient.aPost(id + "-1", "Mijn stroom is uitgevallen"),
                "{\"externalId\":\"" + id + "-2\",\"authorHandle\":\"@kees\",\"text\":\"kapot\",\"createdAt\":\"gisteren\"}",
                "this is not json",
                "",
                ApiClient.aPost(id + "-1", "Mijn stroom is uitgevallen"),
                ApiClient.aPost(id + "-3", "Nog steeds niets", id + "-1"),
                "{\"externalId\":\"" + id + "-4\",\"authorHandle\":\"@kees\",\"text\":\"   \",\"createdAt\":\"2026-11-23T14:05:00+01:00\"}")
                + "\n", StandardCharsets.UTF_8);
        List<String> told = new ArrayList<>();

        ImportSummary summary = postsImport.run(file, channel.id(), new ImportProgress() {
            @Override
            public void problem(String message) {
                told.add(message);
            }
        });

        assertThat(told).hasSize(3);
        assertThat(told.get(0)).startsWith("line 2: createdAt: must be an ISO-8601 date-time");
        assertThat(told.get(1)).startsWith("line 3: not valid JSON");
        assertThat(told.get(2)).startsWith("line 7: text: ");
        assertThat(summary.rowsRead()).isEqualTo(6);
        assertThat(summary.postsStored()).isEqualTo(2);
        assertThat(summary.duplicates()).isEqualTo(1);
        assertThat(summary.skipped()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from post where channel_id = ?").param(channel.id()).query(Long.class).single())
                .isEqualTo(2);
        // The reply in the file threads onto the post it answers, as through the webhook.
        assertThat(jdbc.sql("select count(distinct thread_id) from post where channel_id = ?").param(channel.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theApiTakesATwcsFileAnswers202AndTheJobRunsToDoneForAdminsOnly() throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        String admin = tokenFor(anAdmin("long-enough-password"));
        String agent = tokenFor(anAgent("long-enough-password"));
        String account = "Rest" + unique("x").substring(2).replace("-", "");
        String id = String.valueOf(System.nanoTime());
        StringBuilder csv = new StringBuilder("tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n");
        // Larger than the API's body limit in the tests (8 KB), which guards the channel webhooks, not imports.
        for (int i = 0; i < 150; i++) {
            csv.append(id).append(i).append("1,70000").append(i).append(",True,Wed Oct 11 06:55:44 +0000 2017,@").append(account)
                    .append(" question ").append(i).append(',').append(id).append(i).append("2,\n");
            csv.append(id).append(i).append("2,").append(account).append(",False,Wed Oct 11 07:55:44 +0000 2017,answer ")
                    .append(i).append(",,").append(id).append(i).append("1\n");
        }

        assertThat(csv.length()).isGreaterThan(8 * 1024);
        var refused = api.send(upload("/api/v1/imports/twcs", agent, "text/csv", csv.toString()));
        var started = api.send(upload("/api/v1/imports/twcs?fileName=history.csv", admin, "text/csv", csv.toString()));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long job = JSON.readTree(started.body()).get("id").asLong();
        assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/imports/" + job);
        Eventually.within(Duration.ofSeconds(60), "the import to finish",
                () -> !JSON.readTree(api.get("/api/v1/imports/" + job, admin).body()).get("state").asString().equals("running"));
        JsonNode done = JSON.readTree(api.get("/api/v1/imports/" + job, admin).body());
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("done");
        assertThat(done.get("fileName").asString()).isEqualTo("history.csv");
        assertThat(done.get("rowsRead").asLong()).isEqualTo(300);
        assertThat(done.get("postsStored").asLong()).isEqualTo(150);
        assertThat(done.get("repliesRecorded").asLong()).isEqualTo(150);
        assertThat(done.get("casesResolved").asLong()).isEqualTo(150);
        assertThat(api.get("/api/v1/imports", admin).body()).contains("\"id\":" + job);
        assertThat(api.get("/api/v1/imports/" + job, agent).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/imports/999999999", admin).statusCode()).isEqualTo(404);

        var channel = anApiChannel("http://127.0.0.1:9/replies").channel();
        var lines = api.send(upload("/api/v1/imports/posts?channel=" + channel.id(), admin, "application/x-ndjson",
                ApiClient.aPost(unique("r"), "via de API") + "\n{broken\n"));
        assertThat(lines.statusCode()).as(lines.body()).isEqualTo(202);
        long linesJob = JSON.readTree(lines.body()).get("id").asLong();
        Eventually.within(Duration.ofSeconds(60), "the posts import to finish",
                () -> JSON.readTree(api.get("/api/v1/imports/" + linesJob, admin).body()).get("state").asString().equals("done"));
        JsonNode linesDone = JSON.readTree(api.get("/api/v1/imports/" + linesJob, admin).body());
        assertThat(linesDone.get("postsStored").asLong()).isEqualTo(1);
        assertThat(linesDone.get("problems").get(0).asString()).startsWith("line 2: not valid JSON");
        assertThat(api.send(upload("/api/v1/imports/posts?channel=abc", admin, "application/x-ndjson", "{}\n")).statusCode())
                .isEqualTo(400);
    }

    @Autowired
    ImportJobs jobs;

    @Test
    void aJobRunningWhenWebcareStoppedIsFailedAsInterruptedAtTheNextStart() {
        long id = jdbc.sql("insert into import_job (kind, file_name, state) values ('twcs', 'big.csv', 'running') returning id")
                .query(Long.class).single();

        jobs.markInterrupted();

        ImportJob job = jobs.find(id).orElseThrow();
        assertThat(job.state()).isEqualTo("failed");
        assertThat(job.error()).startsWith("interrupted");
        assertThat(job.finishedAt()).isNotNull();
    }

    private HttpRequest upload(String path, String token, String type, String body) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }
}
