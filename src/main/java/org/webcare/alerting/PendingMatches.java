package org.webcare.alerting;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.intake.PostReceived;

/**
 * Records every post that matched a query with alert rules as a pending alert item.
 *
 * <p>This is a plain {@link EventListener}, so it runs inside the intake transaction that stores the post: the item
 * commits with the post or not at all. An after-commit listener would lose the match if Webcare died between the
 * two commits, and Spring Modulith's event publication log is not in use here. The price is one small insert in
 * intake's transaction, and only for posts that matched a query.
 */
@Component
class PendingMatches {

    private final JdbcClient jdbc;
    private final Clock clock;

    PendingMatches(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @EventListener
    @Transactional
    void on(PostReceived received) {
        List<Long> matched = received.matchedQueries();
        // Imported history is matched and stored like live posts, but alerting on posts written long ago helps nobody.
        if (matched.isEmpty() || org.webcare.shared.HistoryReplay.active()) {
            return;
        }
        jdbc.sql("""
                        insert into alert_item (rule_id, post_id, matched_at)
                        select id, :post, :now from alert_rule where query_id = any(cast(:queries as bigint[]))
                        on conflict do nothing
                        """)
                .param("post", received.postId())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("queries", matched.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .update();
    }
}
