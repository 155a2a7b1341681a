package org.webcare.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.webcare.channel.NewChannel;
import org.webcare.crisis.CrisisDetected.Kind;
import org.webcare.crisis.CrisisDetected.Scope;
import org.webcare.listening.SavedQueries;
import org.webcare.support.ApiClient;
import org.webcare.support.IntegrationTest;

@RecordApplicationEvents
class CrisisWatchIntegrationTests extends IntegrationTest {

    // A Monday morning long before the other tests' posts, so only this test's posts are in its windows.
    private static final Instant NOW = Instant.parse("2025-06-02T10:05:00Z");

    @Autowired
    CrisisWatch watch;

    @Autowired
    Crises crises;

    @Autowired
    SavedQueries queries;

    @Autowired
    ApplicationEvents events;

    @Test
    void raisesACrisisOnASurgeAndAgainOnlyWhenItGrows() {
        NewChannel channel = anApiChannel("http://127.0.0.1:9/x");
        long brandId = channel.channel().brandId();
        long queryId = queries.save(unique("Storingen"), "storing", null).id();
        fourOrdinaryWeeks(channel.channel().id(), queryId);
        posts(channel.channel().id(), queryId, "first", NOW.minusSeconds(540), NOW, 20);
        aComplaintFromAnInfluencer(channel.channel().id(), queryId, NOW.minusSeconds(240));

        watch.check(NOW);

        assertThat(raised(Scope.BRAND, brandId)).extracting(CrisisDetected::kind, CrisisDetected::level)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Kind.VOLUME, 21L),
                        org.assertj.core.groups.Tuple.tuple(Kind.HIGH_REACH, 250_000L));
        assertThat(raised(Scope.QUERY, queryId)).extracting(CrisisDetected::kind)
                .containsExactlyInAnyOrder(Kind.VOLUME, Kind.HIGH_REACH);
        CrisisDetected volume = raised(Scope.BRAND, brandId).stream().filter(e -> e.kind() == Kind.VOLUME).findFirst().orElseThrow();
        assertThat(volume.reason()).startsWith("21 posts in 15 minutes");
        assertThat(volume.postIds()).hasSize(20).first().isEqualTo(influencerPost(channel.channel().id()));
        assertThat(volume.liveViewPath()).isEqualTo("/listening/dashboard?brand=" + brandId);
        assertThat(raised(Scope.QUERY, queryId).getFirst().liveViewPath()).isEqualTo("/listening/dashboard?query=" + queryId);

        events.clear();
        watch.check(NOW.plusSeconds(60));

        assertThat(raised(Scope.BRAND, brandId)).as("the same surge a minute later").isEmpty();
        assertThat(raised(Scope.QUERY, queryId)).isEmpty();

        Instant later = NOW.plus(Duration.ofMinutes(15));
        posts(channel.channel().id(), queryId, "second", later.minusSeconds(540), later, 40);
        events.clear();
        watch.check(later);

        assertThat(raised(Scope.BRAND, brandId)).extracting(CrisisDetected::kind, CrisisDetected::level, CrisisDetected::crisisId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.VOLUME, 40L, volume.crisisId()));
        assertThat(raised(Scope.QUERY, queryId)).extracting(CrisisDetected::kind, CrisisDetected::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.VOLUME, 40L));
        assertThat(crises.active()).filteredOn(c -> c.scope() == Scope.BRAND && c.scopeId() == brandId)
                .extracting(Crisis::kind, Crisis::level)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Kind.VOLUME, 40L),
                        org.assertj.core.groups.Tuple.tuple(Kind.HIGH_REACH, 250_000L));
        var listed = new ApiClient(baseUrl()).get("/api/v1/crises?active=true", tokenFor(anAgent("long-enough-password")));
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"scopeId\":" + brandId).contains("\"kind\":\"VOLUME\"").contains("\"level\":40");

        watch.check(later.plus(Duration.ofHours(2)));

        assertThat(crises.recent(100)).filteredOn(c -> c.scope() == Scope.BRAND && c.scopeId() == brandId)
                .hasSize(2).allSatisfy(crisis -> assertThat(crisis.endedAt()).isNotNull());
    }

    private List<CrisisDetected> raised(Scope scope, long scopeId) {
        return events.stream(CrisisDetected.class).filter(e -> e.scope() == scope && e.scopeId() == scopeId).toList();
    }

    /** Three posts an hour, every hour, for the four weeks before the current hour. */
    private void fourOrdinaryWeeks(long channelId, long queryId) {
        Instant hour = Instant.parse("2025-06-02T10:00:00Z");
        posts(channelId, queryId, "history", hour.minus(Duration.ofDays(28)), hour.minusSeconds(1200), -1);
    }

    /**
     * Neutral posts from {@code from} to {@code to}: {@code count} of them evenly spread, or one every 20 minutes when
     * {@code count} is negative.
     */
    private void posts(long channelId, long queryId, String prefix, Instant from, Instant to, int count) {
        String series = count < 0
                ? "(select t from generate_series(cast(:from as timestamptz), cast(:to as timestamptz), interval '20 minutes') as t) s"
                : "(select cast(:from as timestamptz) + (cast(:to as timestamptz) - cast(:from as timestamptz)) * i / (:count - 1) as t"
                        + " from generate_series(0, :count - 1) as i) s";
        jdbc.sql("insert into post (channel_id, external_id, author_handle, text, visibility, created_at, thread_id,"
                        + " sentiment, matched_queries)"
                        + " select :channel, :prefix || '-' || row_number() over (order by t), '@klant', 'Is er een storing?', 'PUBLIC', t, 0,"
                        + " 'NEUTRAL', array[cast(:query as bigint)] from " + series)
                .param("channel", channelId).param("prefix", prefix).param("query", queryId)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("count", count)
                .update();
        jdbc.sql("update post set thread_id = id where channel_id = ? and thread_id = 0").param(channelId).update();
    }

    private void aComplaintFromAnInfluencer(long channelId, long queryId, Instant at) {
        jdbc.sql("insert into post (channel_id, external_id, author_handle, text, visibility, created_at, thread_id,"
                        + " sentiment, intents, reach, author_followers, matched_queries)"
                        + " values (?, 'influencer', '@bekendeklant', 'Al drie dagen storing, schandalig!', 'PUBLIC', ?, 0,"
                        + " 'NEGATIVE', '{COMPLAINT}', 43, 250000, array[cast(? as bigint)])")
                .params(channelId, Timestamp.from(at), queryId).update();
        jdbc.sql("update post set thread_id = id where channel_id = ? and thread_id = 0").param(channelId).update();
    }

    private long influencerPost(long channelId) {
        return jdbc.sql("select id from post where channel_id = ? and external_id = 'influencer'").param(channelId)
                .query(Long.class).single();
    }
}
