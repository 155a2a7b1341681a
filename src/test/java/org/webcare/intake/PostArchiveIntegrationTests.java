package org.webcare.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.listening.MatchExplanation;
import org.webcare.listening.QueryParser;
import org.webcare.listening.SavedQueries;
import org.webcare.shared.Visibility;
import org.webcare.support.IntegrationTest;

class PostArchiveIntegrationTests extends IntegrationTest {

    @Autowired
    Intake intake;

    @Autowired
    PostArchive archive;

    @Autowired
    SavedQueries savedQueries;

    @Autowired
    Posts posts;

    private long channelId;
    /** A word no other test writes, so counts in the shared database are this test's own. */
    private String word;

    @BeforeEach
    void channel() {
        channelId = anApiChannel("http://127.0.0.1:9/x").channel().id();
        word = "glasvezel" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private long post(String text, Duration ago, String url) {
        return intake.accept(new InboundPost(channelId, unique("p"), "@klant", "Kees", text, Visibility.PUBLIC,
                Instant.now().minus(ago), null, 1200L, false, List.of(), "api", url)).postId();
    }

    private static String marked(MatchExplanation why) {
        return why.segments().stream().map(s -> s.hit() ? "[" + s.text() + "]" : s.text()).collect(Collectors.joining());
    }

    @Test
    void countsThePostsOfTheLastThirtyDaysAQueryMatchesWithASampleExplained() {
        post("Café " + word + " ligt eruit", Duration.ofDays(2), null);
        post(word + "storing bij ons in de straat", Duration.ofDays(5), null);
        post("Oud nieuws: " + word + " was stuk", Duration.ofDays(40), null);
        post("Geplande werkzaamheden aan " + word + " vannacht, gepland", Duration.ofDays(1), null);

        PostArchive.QueryTrial trial = archive.trial(QueryParser.parse(word + "* -gepland"), Duration.ofDays(30), 10);

        assertThat(trial.matched()).isEqualTo(2);
        assertThat(trial.complete()).isTrue();
        assertThat(trial.sample()).extracting(sample -> marked(sample.why())).containsExactly(
                "Café [" + word + "] ligt eruit", "[" + word + "storing] bij ons in de straat");
        assertThat(archive.trial(QueryParser.parse("cafe AND " + word), Duration.ofDays(30), 10).sample())
                .extracting(sample -> marked(sample.why())).containsExactly("[Café] [" + word + "] ligt eruit");
    }

    @Test
    void findsPostsByFieldsAloneAndPostsStoredBeforeTheirTermsWereIndexed() {
        String site = word + ".example.nl";
        long fromSite = post("Lees dit artikel", Duration.ofHours(3), "https://www." + site + "/artikel/1?ref=x");
        long unindexed = post("Apostrof: de " + word + "'s zijn op", Duration.ofHours(4), null);
        jdbc.sql("update post set search_terms = null where id = ?").param(unindexed).update();

        assertThat(archive.trial(QueryParser.parse("site:" + site), Duration.ofDays(30), 10).sample())
                .extracting(sample -> sample.post().id()).containsExactly(fromSite);
        assertThat(archive.trial(QueryParser.parse("channel:api AND site:" + site), Duration.ofDays(30), 10).matched()).isEqualTo(1);
        assertThat(archive.trial(QueryParser.parse(word + "'s"), Duration.ofDays(30), 10).sample())
                .extracting(sample -> sample.post().id()).containsExactly(unindexed);
    }

    @Test
    void explainsWhyAStoredPostMatchedItsSavedQueries() {
        var query = savedQueries.save(unique("Glas"), "storing NEAR/3 " + word + " followers:>1000 -gepland", null);
        long id = post("Weer een storing aan de " + word + " in Delft", Duration.ofMinutes(5), null);

        Post stored = posts.find(id).orElseThrow();
        assertThat(stored.matchedQueries()).contains(query.id());
        MatchExplanation why = archive.whyMatched(stored).get(query.id());
        assertThat(marked(why)).isEqualTo("Weer een [storing] aan de [" + word + "] in Delft");
        assertThat(why.conditions()).containsExactly("followers:>1000 (1200)");
    }
}
