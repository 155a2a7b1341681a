package org.webcare.intake;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.analysis.Analysis;
import org.webcare.shared.Intent;
import org.webcare.shared.SentimentLabel;

/**
 * Agents correct a post's sentiment or intents; the post shows the correction, and the old and new values are kept
 * with who changed them, as training data for better analysers.
 */
@Service
public class AnalysisCorrections {

    private final JdbcClient jdbc;
    private final PostRepository posts;
    private final ApplicationEventPublisher events;

    AnalysisCorrections(JdbcClient jdbc, PostRepository posts, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.events = events;
    }

    /**
     * @param sentiment the right sentiment, or {@code null} to leave it
     * @param intents the right intents, or {@code null} to leave them
     * @return the post as it is now
     */
    @Transactional
    public Post correct(long postId, SentimentLabel sentiment, Set<Intent> intents, Long userId) {
        Post post = posts.find(postId).orElseThrow(() -> new IllegalArgumentException("postId: no post with id " + postId));
        Analysis current = post.analysis();
        if (current == null) {
            throw new IllegalArgumentException("postId: post " + postId + " has not been analysed yet");
        }
        if (sentiment != null && sentiment != current.sentiment().label()) {
            // The score follows the agent's label, so sorting and filtering agree with what the agent said.
            double score = switch (sentiment) {
                case POSITIVE -> Math.max(0.5, current.sentiment().score());
                case NEGATIVE -> Math.min(-0.5, current.sentiment().score());
                case NEUTRAL -> 0;
            };
            jdbc.sql("update post set sentiment = ?, sentiment_score = ? where id = ?").params(sentiment.name(), score, postId).update();
            record(postId, userId, "sentiment", current.sentiment().label().json(), sentiment.json());
        }
        if (intents != null && !intents.equals(current.intents())) {
            Set<Intent> copy = intents.isEmpty() ? EnumSet.noneOf(Intent.class) : EnumSet.copyOf(intents);
            jdbc.sql("update post set intents = cast(? as text[]) where id = ?").params(AnalysisColumns.intents(copy), postId).update();
            record(postId, userId, "intents", names(current.intents()), names(copy));
        }
        events.publishEvent(new AnalysisCorrected(postId, post.threadId()));
        return posts.find(postId).orElseThrow();
    }

    private void record(long postId, Long userId, String field, String oldValue, String newValue) {
        jdbc.sql("insert into analysis_correction (post_id, user_id, field, old_value, new_value) values (?, ?, ?, ?, ?)")
                .params(postId, userId, field, oldValue, newValue).update();
    }

    private static String names(Set<Intent> intents) {
        return intents.stream().map(Intent::json).sorted().collect(Collectors.joining(","));
    }
}
