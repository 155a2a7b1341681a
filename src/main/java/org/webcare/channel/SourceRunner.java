package org.webcare.channel;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.intake.IntakeBatch;

/**
 * Polls every channel that has a {@link PostSource} when it is due, each on its own virtual thread, so a slow or
 * failing source never holds up the others. A poll's posts are stored (once each: intake de-duplicates) before its
 * cursor is kept, so stopping Webcare in the middle of a poll loses nothing: the next start polls from the old cursor.
 * A claimed poll carries a lease; if the process dies, the poll is taken up again when the lease runs out.
 */
@Component
@ConditionalOnProperty(name = "webcare.workers", havingValue = "true", matchIfMissing = true)
class SourceRunner {

    private static final Logger log = LoggerFactory.getLogger(SourceRunner.class);
    private static final int CLAIM_BATCH = 20;
    private static final int MAX_ERROR_LENGTH = 1_000;

    private final JdbcClient jdbc;
    private final Channels channels;
    private final Connectors connectors;
    private final ChannelSettingsStore settings;
    private final Intake intake;
    private final SourceSettings timing;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    SourceRunner(JdbcClient jdbc, Channels channels, Connectors connectors, ChannelSettingsStore settings, Intake intake,
                 SourceSettings timing) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.connectors = connectors;
        this.settings = settings;
        this.intake = intake;
        this.timing = timing;
    }

    @Scheduled(fixedDelayString = "${webcare.sources.tick:1s}")
    void tick() {
        for (Claimed claimed : claimDue()) {
            if (running.add(claimed.channelId())) {
                executor.execute(() -> {
                    try {
                        poll(claimed);
                    } finally {
                        running.remove(claimed.channelId());
                    }
                });
            }
        }
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        executor.shutdownNow();
    }

    private List<Claimed> claimDue() {
        return jdbc.sql("""
                        update channel_source s set lease_until = now() + cast(:lease as interval)
                        from (
                            select s.channel_id from channel_source s join channel c on c.id = s.channel_id
                            where s.polled and not c.paused and s.next_poll_at <= now() and (s.lease_until is null or s.lease_until < now())
                            order by s.next_poll_at limit :batch
                            for update of s skip locked
                        ) due
                        where s.channel_id = due.channel_id
                        returning s.channel_id, s.cursor
                        """)
                .param("lease", timing.lease().toMillis() + " milliseconds")
                .param("batch", CLAIM_BATCH)
                .query((rs, n) -> new Claimed(rs.getLong("channel_id"), rs.getString("cursor")))
                .list();
    }

    /** One poll of one channel, start to finish; never throws. */
    void poll(Claimed claimed) {
        try {
            Channel channel = channels.channel(claimed.channelId()).orElseThrow();
            ChannelConnector connector = connectors.of(channel.type())
                    .orElseThrow(() -> new ConnectorException.Permanent("no connector for channel type " + channel.type().id()));
            PostSource source = connector.open(ConnectorSettings.check(connector.settings(), settings.load(channel.id())))
                    .source().orElseThrow(() -> new ConnectorException.Permanent(channel.type().id() + " channels do not fetch posts"));
            PostSource.Poll poll = source.poll(claimed.cursor());
            List<String> handles = channels.brand(channel.brandId()).map(Brand::handles).orElse(List.of());
            // One transaction for the poll's posts; one bad item does not stop the source: it is counted and logged.
            IntakeBatch batch = intake.acceptAll(poll.posts().stream().map(post -> inbound(channel, post, handles)).toList());
            batch.refused().forEach(refused -> log.info("Skipped an item of channel {}: {}", channel.id(), refused.getMessage()));
            succeeded(claimed, poll, batch.stored(), batch.refused().size(), poll.more() ? Duration.ZERO : source.interval());
        } catch (ConnectorException.Transient e) {
            failed(claimed.channelId(), e.getMessage(), false, e.retryAfter());
        } catch (ConnectorException.Permanent | InvalidSettingsException e) {
            failed(claimed.channelId(), e.getMessage(), true, null);
        } catch (ConnectorException e) {
            failed(claimed.channelId(), e.getMessage(), false, null);
        } catch (RuntimeException e) {
            log.warn("Polling channel {} failed unexpectedly", claimed.channelId(), e);
            failed(claimed.channelId(), "Unexpected error: " + e, false, null);
        }
    }

    static InboundPost inbound(Channel channel, ReceivedPost post, List<String> handles) {
        return new InboundPost(channel.id(), post.externalId(), post.authorHandle(), post.authorName(), withTitle(post),
                post.visibility(), post.createdAt(), post.inReplyTo(), post.authorFollowers(), post.toBrand(), handles,
                channel.type().id(), post.url(), post.title());
    }

    /** A feed item's or e-mail's title leads its text, so it is read, matched and analysed with it. */
    private static String withTitle(ReceivedPost post) {
        if (post.title() == null || post.title().isBlank() || post.text() == null || post.text().startsWith(post.title())) {
            return post.text();
        }
        return post.title() + "\n\n" + post.text();
    }

    private void succeeded(Claimed claimed, PostSource.Poll poll, int stored, int skipped, Duration wait) {
        jdbc.sql("""
                        update channel_source set cursor = coalesce(:cursor, cursor), lease_until = null,
                               next_poll_at = now() + cast(:wait as interval), last_success_at = now(),
                               failures = 0, last_error = null,
                               posts_today = case when posts_day = current_date then posts_today else 0 end + :stored,
                               posts_skipped = posts_skipped + :skipped, posts_day = current_date
                        where channel_id = :channel
                        """)
                .param("cursor", poll.cursor())
                .param("wait", wait.toMillis() + " milliseconds")
                .param("stored", stored)
                .param("skipped", skipped)
                .param("channel", claimed.channelId())
                .update();
    }

    private void failed(long channelId, String reason, boolean permanent, Duration retryAfter) {
        int failures = jdbc.sql("select failures from channel_source where channel_id = ?").param(channelId)
                .query(Integer.class).optional().orElse(0) + 1;
        Duration wait = timing.retryDelay(failures, permanent, retryAfter, ThreadLocalRandom.current().nextDouble());
        String message = reason == null ? "unknown error" : reason.length() > MAX_ERROR_LENGTH ? reason.substring(0, MAX_ERROR_LENGTH) : reason;
        jdbc.sql("""
                        update channel_source set lease_until = null, failures = :failures, last_error = :error,
                               last_error_at = now(), next_poll_at = cast(:next as timestamptz)
                        where channel_id = :channel
                        """)
                .param("failures", failures)
                .param("error", message)
                .param("next", Timestamp.from(Instant.now().plus(wait)))
                .param("channel", channelId)
                .update();
        log.info("Channel {} failed ({} in a row), next try in {}: {}", channelId, failures, wait, message);
    }

    record Claimed(long channelId, String cursor) {
    }
}
