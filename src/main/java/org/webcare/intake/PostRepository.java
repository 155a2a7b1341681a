package org.webcare.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.webcare.analysis.Analysis;
import org.springframework.stereotype.Repository;
import org.webcare.shared.Visibility;

@Repository
class PostRepository {

    private final JdbcClient jdbc;

    PostRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the post unless its (channel, external id) is known; threads it onto its parent when that is stored. */
    IntakeResult insertOnce(Intake.NormalisedPost post, Analysis analysis, List<Long> matchedQueries,
                            java.util.Collection<String> searchTerms) {
        Optional<IntakeResult> inserted = withAnalysis(jdbc.sql("""
                        with parent as (
                            select id, thread_id from post where channel_id = :channel and external_id = :inReplyTo
                        ), new_id as (
                            select nextval(pg_get_serial_sequence('post', 'id')) as id
                        )
                        insert into post (id, channel_id, external_id, author_handle, author_name, text, visibility,
                                          created_at, in_reply_to_external_id, parent_id, thread_id, author_followers,
                                          lang, lang_confidence, sentiment, sentiment_score, intents, addressed, reach,
                                          matched_queries, channel_type, url, site, search_terms, title)
                        select new_id.id, :channel, :externalId, :handle, :name, :text, :visibility,
                               :createdAt, :inReplyTo, parent.id, coalesce(parent.thread_id, new_id.id), :followers,
                               :lang, :langConfidence, :sentiment, :sentimentScore, cast(:intents as text[]), :addressed, :reach,
                               cast(:matched as bigint[]), :channelType, :url, :site, array_to_tsvector(:searchTerms), :title
                        from new_id left join parent on true
                        on conflict (channel_id, external_id) do nothing
                        returning id, thread_id
                        """)
                .param("channel", post.channelId())
                .param("externalId", post.externalId())
                .param("handle", post.authorHandle())
                .param("name", post.authorName())
                .param("text", post.text())
                .param("visibility", post.visibility().name())
                .param("createdAt", Timestamp.from(post.createdAt()))
                .param("inReplyTo", post.inReplyToExternalId())
                .param("followers", post.authorFollowers(), java.sql.Types.BIGINT)
                .param("channelType", post.channelType())
                .param("url", post.url())
                .param("site", post.site())
                .param("title", post.title())
                .param("searchTerms", searchTerms.toArray(String[]::new))
                .param("matched", matchedQueries.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"))), analysis)
                .query((rs, n) -> new IntakeResult(rs.getLong("id"), rs.getLong("thread_id"), false))
                .optional();
        return inserted.orElseGet(() -> jdbc.sql("select id, thread_id from post where channel_id = ? and external_id = ?")
                .params(post.channelId(), post.externalId())
                .query((rs, n) -> new IntakeResult(rs.getLong("id"), rs.getLong("thread_id"), true))
                .single());
    }

    /** Replies that arrived before the post they answer join its thread now. */
    void adoptReplies(long channelId, String externalId, long postId, long threadId) {
        List<Long> orphanThreads = jdbc.sql("""
                        update post set parent_id = :postId
                        where channel_id = :channel and in_reply_to_external_id = :externalId
                          and parent_id is null and id <> :postId
                        returning thread_id
                        """)
                .param("postId", postId).param("channel", channelId).param("externalId", externalId)
                .query(Long.class).list();
        if (!orphanThreads.isEmpty()) {
            jdbc.sql("update post set thread_id = :threadId where thread_id in (:orphans)")
                    .param("threadId", threadId).param("orphans", orphanThreads).update();
        }
    }

    /** Posts stored before analysis existed, oldest first, with their brand's handles. */
    List<Unanalysed> unanalysed(int limit) {
        return jdbc.sql("""
                        select p.*, b.handles as brand_handles from post p
                        join channel c on c.id = p.channel_id join brand b on b.id = c.brand_id
                        where p.sentiment is null order by p.id limit ?""")
                .param(limit)
                .query((rs, n) -> new Unanalysed(map(rs, n), java.util.Arrays.stream((Object[]) rs.getArray("brand_handles").getArray())
                        .map(String::valueOf).toList()))
                .list();
    }

    record Unanalysed(Post post, List<String> brandHandles) {
    }

    void storeAnalysis(long postId, Analysis analysis) {
        withAnalysis(jdbc.sql("""
                        update post set lang = :lang, lang_confidence = :langConfidence, sentiment = :sentiment,
                               sentiment_score = :sentimentScore, intents = cast(:intents as text[]), addressed = :addressed,
                               reach = :reach
                        where id = :id""")
                .param("id", postId), analysis)
                .update();
    }

    /** The named parameters of the analysis columns, as the insert and the update use them. */
    private static JdbcClient.StatementSpec withAnalysis(JdbcClient.StatementSpec statement, Analysis analysis) {
        return statement
                .param("lang", analysis.language().code())
                .param("langConfidence", analysis.language().confidence())
                .param("sentiment", analysis.sentiment().label().name())
                .param("sentimentScore", analysis.sentiment().score())
                .param("intents", AnalysisColumns.intents(analysis.intents()))
                .param("addressed", analysis.addressed())
                .param("reach", analysis.reach());
    }

    Optional<Post> find(long id) {
        return jdbc.sql("select * from post where id = ?").param(id).query(PostRepository::map).optional();
    }

    Optional<Long> idOf(long channelId, String externalId) {
        return jdbc.sql("select id from post where channel_id = ? and external_id = ?").params(channelId, externalId)
                .query(Long.class).optional();
    }

    List<Post> all(java.util.Collection<Long> ids) {
        return jdbc.sql("select * from post where id = any(?) order by created_at, id").param(ids.toArray(Long[]::new))
                .query(PostRepository::map).list();
    }

    List<Post> thread(long threadId) {
        return jdbc.sql("select * from post where thread_id = ? order by created_at, id").param(threadId)
                .query(PostRepository::map).list();
    }

    static List<Long> matched(ResultSet rs) throws SQLException {
        java.sql.Array array = rs.getArray("matched_queries");
        return array == null ? List.of() : java.util.Arrays.stream((Object[]) array.getArray()).map(v -> ((Number) v).longValue()).toList();
    }

    static Post map(ResultSet rs, int row) throws SQLException {
        Long parent = rs.getObject("parent_id", Long.class);
        return new Post(rs.getLong("id"), rs.getLong("channel_id"), rs.getString("external_id"),
                rs.getString("author_handle"), rs.getString("author_name"), rs.getString("text"),
                Visibility.valueOf(rs.getString("visibility")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("received_at").toInstant(), rs.getString("in_reply_to_external_id"),
                parent, rs.getLong("thread_id"), AnalysisColumns.read(rs), matched(rs),
                rs.getObject("author_followers", Long.class), rs.getString("channel_type"), rs.getString("url"),
                rs.getString("site"), rs.getString("title"));
    }
}
