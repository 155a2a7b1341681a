package org.webcare.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.support.IntegrationTest;

/** What real exports look like: ids read as numbers, text over several lines, empty fields, broken rows. */
class TwcsImportQuirksTests extends IntegrationTest {

    @Autowired
    TwcsImport twcs;

    @Autowired
    org.webcare.cases.Cases cases;

    @org.junit.jupiter.api.AfterEach
    void putImportedCasesAway() {
        ImportedCasesCleanup.resolveOpenImportedCases(jdbc, cases);
    }

    @Test
    void badRowsAreReportedWithTheirLineAndEverythingElseIsImported() throws Exception {
        String account = "Quirk" + unique("x").substring(2).replace("-", "");
        String id = String.valueOf(System.nanoTime());
        Path file = Files.createTempFile("quirks", ".csv");
        Files.writeString(file, String.join("\n",
                "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id",
                id + "1,800001,True,Wed Oct 11 06:55:44 +0000 2017,\"@" + account + " line one",
                "line two \"\"quoted\"\" \uD83D\uDE21 caf\u00e9\u200b\"," + id + "2,",
                id + "2," + account + ",False,Wed Oct 11 07:05:44 +0000 2017,\"@800001 sorry, DM us ^AB\",," + id + "1.0",
                id + "3,800002,True,yesterday at noon,@" + account + " bad date,,",
                ",800003,True,Wed Oct 11 08:00:00 +0000 2017,@" + account + " no id,,",
                id + "5,800004,True,Wed Oct 11 09:00:00 +0000 2017,@" + account + " empty fields follow,,",
                id + "6,800005,True,Wed Oct 11 09:30:00 +0000 2017,,,",
                id + "7," + account + ",False,Wed Oct 11 09:40:00 +0000 2017,@800004 thanks,," + id + "5.0") + "\n");
        List<String> told = new ArrayList<>();

        ImportSummary summary = twcs.run(file, Duration.ofHours(24), new ImportProgress() {
            @Override
            public void problem(String message) {
                told.add(message);
            }
        });

        assertThat(told).containsExactly(
                "line 5: created_at 'yesterday at noon' is not a date like Wed Oct 11 06:55:44 +0000 2017",
                "line 6: tweet_id '' is missing or not an id",
                "line 8: text is empty");
        assertThat(summary.problems()).isEqualTo(told);
        assertThat(summary.rowsRead()).isEqualTo(7);
        assertThat(summary.postsStored()).isEqualTo(2);
        assertThat(summary.repliesRecorded()).isEqualTo(2);
        assertThat(summary.skipped()).isEqualTo(3);
        String text = jdbc.sql("select text from post where external_id = ?").param(id + "1").query(String.class).single();
        assertThat(text).contains("line one").contains("line two \"quoted\" \uD83D\uDE21 caf\u00e9");
        assertThat(jdbc.sql("select author_name from reply where external_id = ?").param(id + "2").query(String.class).single())
                .isEqualTo("AB");
        assertThat(jdbc.sql("select author_name from reply where external_id = ?").param(id + "7").query(String.class).single())
                .isEqualTo(account);
    }

    @Test
    void aFileWithoutTheTwcsColumnsIsRefusedNamingTheMissingOne() throws Exception {
        Path file = Files.createTempFile("notwcs", ".csv");
        Files.writeString(file, "id,text\n1,hello\n");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> twcs.run(file, null, ImportProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'tweet_id'");
    }

    @Test
    void theRandomSampleWithBrokenThreadsImportsAndSaysWhatItSkipped() throws Exception {
        // The first 1,000 rows of ../shared/data/twcs/random-5000.csv: ids with ".0", threads broken, many brands.
        Path sample = Path.of("src/test/resources/fixtures/twcs/random-1000.csv");
        List<String> told = new ArrayList<>();

        ImportSummary summary = twcs.run(sample, Duration.ofHours(24), new ImportProgress() {
            @Override
            public void problem(String message) {
                told.add(message);
            }
        });

        assertThat(summary.rowsRead()).isEqualTo(1000);
        // The file's 77 support accounts.
        assertThat(summary.brandsCreated() + summary.brandsReused()).isEqualTo(77L);
        assertThat(summary.postsStored() + summary.duplicates() + summary.repliesRecorded() + summary.skipped())
                .isEqualTo(summary.rowsRead());
        assertThat(summary.skippedBy()).containsKeys("answers-nothing");
        assertThat(summary.postsStored()).isGreaterThan(200);
        // The ".0" ids were read as ids: brand replies found the customer tweets they answer.
        assertThat(summary.repliesRecorded()).isPositive();
        assertThat(told).allSatisfy(message -> assertThat(message).startsWith("line "));
    }
}
