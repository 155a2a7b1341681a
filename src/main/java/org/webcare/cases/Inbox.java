package org.webcare.cases;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.webcare.channel.Channels;
import org.webcare.intake.Post;
import org.webcare.intake.Posts;
import org.webcare.shared.Visibility;

/** What the team sees: the newest posts, and each post's thread with the replies sent. */
@Service
public class Inbox {

    private final JdbcClient jdbc;
    private final Posts posts;
    private final Channels channels;
    private final Replies replies;

    Inbox(JdbcClient jdbc, Posts posts, Channels channels, Replies replies) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.channels = channels;
        this.replies = replies;
    }

    /** Newest first. */
    public List<InboxItem> latest(InboxFilter filter) {
        return jdbc.sql("""
                        select p.id, p.thread_id, b.id as brand_id, b.name as brand_name, c.id as channel_id,
                               c.name as channel_name, p.author_handle, p.author_name, p.text, p.visibility, p.created_at,
                               p.lang, p.lang_confidence, p.sentiment, p.sentiment_score, p.intents, p.addressed, p.reach,
                               p.matched_queries,
                               (select count(*) from reply r join post tp on tp.id = r.post_id
                                where tp.thread_id = p.thread_id and r.outbound_message_id is not null) as replies
                        from post p
                        join channel c on c.id = p.channel_id
                        join brand b on b.id = c.brand_id
                        where (cast(:brand as bigint) is null or b.id = :brand)
                          and (cast(:channel as bigint) is null or c.id = :channel)
                          and (cast(:sentiment as text) is null or p.sentiment = :sentiment)
                          and (cast(:intent as text) is null or :intent = any(p.intents))
                          and (cast(:query as bigint) is null or :query = any(p.matched_queries))
                          and (cast(:before as bigint) is null
                               or (p.created_at, p.id) < (select created_at, id from post where id = :before))
                        order by p.created_at desc, p.id desc
                        limit :limit
                        """)
                .param("brand", filter.brandId(), java.sql.Types.BIGINT)
                .param("channel", filter.channelId(), java.sql.Types.BIGINT)
                .param("before", filter.beforeId(), java.sql.Types.BIGINT)
                .param("sentiment", filter.sentiment() == null ? null : filter.sentiment().name(), java.sql.Types.VARCHAR)
                .param("intent", filter.intent() == null ? null : filter.intent().name(), java.sql.Types.VARCHAR)
                .param("query", filter.queryId(), java.sql.Types.BIGINT)
                .param("limit", filter.limit())
                .query((rs, n) -> new InboxItem(rs.getLong("id"), rs.getLong("thread_id"), rs.getLong("brand_id"),
                        rs.getString("brand_name"), rs.getLong("channel_id"), rs.getString("channel_name"),
                        rs.getString("author_handle"), rs.getString("author_name"), rs.getString("text"),
                        Visibility.valueOf(rs.getString("visibility")), rs.getTimestamp("created_at").toInstant(),
                        rs.getInt("replies"), Posts.analysisOf(rs), Posts.matchedQueriesOf(rs)))
                .list();
    }

    public Optional<ThreadView> thread(long threadId) {
        List<Post> threadPosts = posts.thread(threadId);
        if (threadPosts.isEmpty()) {
            return Optional.empty();
        }
        var channel = channels.channel(threadPosts.getFirst().channelId()).orElseThrow();
        return Optional.of(new ThreadView(threadId, channel, threadPosts,
                replies.toPosts(threadPosts.stream().map(Post::id).toList())));
    }

    /** The thread a post belongs to. */
    public Optional<ThreadView> threadOf(long postId) {
        return posts.find(postId).flatMap(post -> thread(post.threadId()));
    }
}
