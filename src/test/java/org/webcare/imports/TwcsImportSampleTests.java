package org.webcare.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.CaseStatus;
import org.webcare.support.IntegrationTest;

/**
 * The dataset's official sample of whole conversations, imported twice. Every expected figure is computed here from
 * the CSV itself, independently of the import.
 */
class TwcsImportSampleTests extends IntegrationTest {

    // A copy of ../shared/data/twcs/sample-threads.csv, so the tests run on a clean clone.
    static final Path SAMPLE = Path.of("src/test/resources/fixtures/twcs/sample-threads.csv");
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss xx yyyy", Locale.ENGLISH);

    @Autowired
    TwcsImport twcs;

    @Autowired
    org.webcare.cases.Cases cases;

    @org.junit.jupiter.api.AfterEach
    void putImportedCasesAway() {
        ImportedCasesCleanup.resolveOpenImportedCases(jdbc, cases);
    }

    record Tweet(String id, String author, boolean inbound, Instant at, String text, String parent) {
    }

    static Map<String, Tweet> tweets(Path file) throws Exception {
        Map<String, Tweet> tweets = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                tweets.put(r.get("tweet_id"), new Tweet(r.get("tweet_id"), r.get("author_id"), r.get("inbound").equals("True"),
                        ZonedDateTime.parse(r.get("created_at"), CREATED_AT).toInstant(), r.get("text"),
                        r.get("in_response_to_tweet_id").replace(".0", "")));
            }
        }
        return tweets;
    }

    @Test
    void theSampleBecomesBrandsPostsRepliesAndCasesOnceAndReplyTimesAreThoseOfTheFile() throws Exception {
        Map<String, Tweet> tweets = tweets(SAMPLE);
        List<String> accounts = tweets.values().stream().filter(t -> !t.inbound()).map(Tweet::author).distinct().sorted().toList();
        // Brand replies to a customer tweet of the file, with the reply time the file says.
        Map<String, Duration> replyTimes = new HashMap<>();
        int answeringNothing = 0;
        for (Tweet t : tweets.values()) {
            Tweet parent = tweets.get(t.parent());
            if (!t.inbound() && parent != null && parent.inbound()) {
                replyTimes.put(t.id(), Duration.between(parent.at(), t.at()));
            } else if (!t.inbound() && parent == null) {
                answeringNothing++;
            }
        }
        List<String> customerIds = tweets.values().stream().filter(Tweet::inbound).filter(t -> brandOf(t, tweets, accounts) != null)
                .map(Tweet::id).toList();
        long noBrand = tweets.values().stream().filter(Tweet::inbound).count() - customerIds.size();
        assertThat(replyTimes).hasSize(42);
        assertThat(noBrand).isEqualTo(1); // 119331: answered only by another customer, mentioning no brand

        ImportSummary first = twcs.run(SAMPLE, Duration.ofHours(24), ImportProgress.NONE);

        assertThat(first.rowsRead()).isEqualTo(93);
        assertThat(first.skippedBy()).containsEntry("answers-nothing", (long) answeringNothing);
        assertThat(first.skippedBy()).containsEntry("no-brand", noBrand);
        assertThat(first.skipped()).isEqualTo(answeringNothing + noBrand);
        assertThat(first.brandsCreated() + first.brandsReused()).isEqualTo(accounts.size());
        for (String account : accounts) {
            var brand = channels.brandNamed(account).orElseThrow();
            assertThat(brand.handles()).contains("@" + account);
            assertThat(channels.channelNamed(brand.id(), "X").orElseThrow().type()).isEqualTo(org.webcare.channel.ChannelType.X);
        }
        assertThat(storedPosts(customerIds)).isEqualTo(customerIds.size());
        assertThat(jdbc.sql("select count(*) from reply where external_id in (:ids)").param("ids", replyTimes.keySet())
                .query(Long.class).single()).isEqualTo(42);

        // Each reply is dated as in the file and answers the customer tweet it answered there.
        List<Duration> measured = new ArrayList<>();
        jdbc.sql("""
                        select r.external_id, extract(epoch from r.created_at - p.created_at) as took, p.external_id as answered, r.author_name
                        from reply r join post p on p.id = r.post_id where r.external_id in (:ids)""")
                .param("ids", replyTimes.keySet())
                .query((rs, n) -> {
                    String id = rs.getString("external_id");
                    Duration took = Duration.ofSeconds(Math.round(rs.getDouble("took")));
                    assertThat(took).as("reply " + id).isEqualTo(replyTimes.get(id));
                    assertThat(rs.getString("answered")).isEqualTo(tweets.get(id).parent());
                    measured.add(took);
                    return null;
                }).list();
        assertThat(measured).hasSize(42);
        List<Duration> sorted = measured.stream().sorted().toList();
        Duration median = sorted.get(20).plus(sorted.get(21)).dividedBy(2);
        assertThat(median.toMinutes()).isBetween(50L, 51L);
        // Spot checks: the quickest reply (50 s) and a slow one (about 7 hours), signed ^RR ... or the account.
        assertThat(replyOf("119322")).isEqualTo(Duration.ofSeconds(50));
        assertThat(replyOf("119262")).isEqualTo(Duration.between(tweets.get("119263").at(), tweets.get("119262").at()));
        assertThat(jdbc.sql("select author_name from reply where external_id = '119238'").query(String.class).single()).isEqualTo("RR");

        // A customer answering the brand's reply continues the conversation: the same case as the tweet it answered.
        int continued = 0;
        for (Tweet t : tweets.values()) {
            Tweet brandTweet = tweets.get(t.parent());
            if (t.inbound() && brandTweet != null && !brandTweet.inbound() && tweets.containsKey(brandTweet.parent())) {
                assertThat(caseOf(t.id())).as("case of " + t.id()).isEqualTo(caseOf(brandTweet.parent()));
                continued++;
            }
        }
        assertThat(continued).isGreaterThanOrEqualTo(20);

        // History is resolved at its last reply: a conversation that ended with the brand's reply years ago.
        long caseId = caseOf("119321");
        var resolved = jdbc.sql("select status, resolved_at from support_case where id = ?").param(caseId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant())).single();
        assertThat(resolved.getKey()).isEqualTo(CaseStatus.RESOLVED.name());
        assertThat(resolved.getValue()).isEqualTo(lastReplyOfCase(caseId));

        long posts = jdbc.sql("select count(*) from post").query(Long.class).single();
        long replies = jdbc.sql("select count(*) from reply").query(Long.class).single();
        long supportCases = jdbc.sql("select count(*) from support_case").query(Long.class).single();

        ImportSummary second = twcs.run(SAMPLE, Duration.ofHours(24), ImportProgress.NONE);

        assertThat(second.postsStored()).isZero();
        assertThat(second.repliesRecorded()).isZero();
        assertThat(second.casesResolved()).isZero();
        assertThat(second.brandsCreated()).isZero();
        assertThat(second.duplicates()).isEqualTo(customerIds.size() + 42);
        assertThat(jdbc.sql("select count(*) from post").query(Long.class).single()).isEqualTo(posts);
        assertThat(jdbc.sql("select count(*) from reply").query(Long.class).single()).isEqualTo(replies);
        assertThat(jdbc.sql("select count(*) from support_case").query(Long.class).single()).isEqualTo(supportCases);
    }

    /** The rule written out once more: the brand of the tweet it answers, else the brand that answered it, else the first it mentions. */
    static String brandOf(Tweet tweet, Map<String, Tweet> tweets, List<String> accounts) {
        Tweet parent = tweets.get(tweet.parent());
        if (parent != null && !parent.inbound()) {
            return parent.author();
        }
        if (parent != null) {
            String inherited = brandOf(parent, tweets, accounts);
            if (inherited != null) {
                return inherited;
            }
        }
        for (Tweet other : tweets.values()) {
            if (!other.inbound() && other.parent().equals(tweet.id())) {
                return other.author();
            }
        }
        java.util.regex.Matcher mention = java.util.regex.Pattern.compile("@(\\w+)").matcher(tweet.text());
        while (mention.find()) {
            for (String account : accounts) {
                if (account.equalsIgnoreCase(mention.group(1))) {
                    return account;
                }
            }
        }
        return null;
    }

    private long storedPosts(List<String> externalIds) {
        return jdbc.sql("select count(*) from post p join channel c on c.id = p.channel_id where c.type = 'x' and p.external_id in (:ids)")
                .param("ids", externalIds).query(Long.class).single();
    }

    private Duration replyOf(String replyId) {
        return jdbc.sql("""
                        select extract(epoch from r.created_at - p.created_at) from reply r join post p on p.id = r.post_id
                        where r.external_id = ?""").param(replyId)
                .query((rs, n) -> Duration.ofSeconds(Math.round(rs.getDouble(1)))).single();
    }

    private long caseOf(String tweetId) {
        return jdbc.sql("""
                        select cp.case_id from case_post cp join post p on p.id = cp.post_id join channel c on c.id = p.channel_id
                        where c.type = 'x' and p.external_id = ?""").param(tweetId).query(Long.class).single();
    }

    private Instant lastReplyOfCase(long caseId) {
        return jdbc.sql("select last_agent_reply_at from support_case where id = ?").param(caseId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
    }
}
