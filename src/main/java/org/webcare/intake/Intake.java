package org.webcare.intake;

import java.time.Instant;
import java.util.List;
import java.time.temporal.ChronoUnit;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.analysis.Analysis;
import org.webcare.analysis.AnalysisRequest;
import org.webcare.analysis.Analyzers;
import org.webcare.listening.MatchablePost;
import org.webcare.listening.SavedQueries;
import org.webcare.shared.Visibility;

/**
 * Accepts posts from channels: normalises and checks them, stores each (channel, external id) once, threads it
 * onto the post it answers and announces it. Thread-safe; a post is accepted once its transaction commits.
 */
@Service
public class Intake {

    static final int MAX_ID_LENGTH = 256;
    static final int MAX_NAME_LENGTH = 256;
    static final int MAX_TEXT_LENGTH = 64 * 1024;
    static final int MAX_TITLE_LENGTH = 1_000;
    // Platforms and clocks disagree a little; a post dated far in the future is a client error.
    private static final long MAX_CLOCK_SKEW_HOURS = 24;

    private final PostRepository posts;
    private final Analyzers analyzers;
    private final SavedQueries queries;
    private final ApplicationEventPublisher events;

    Intake(PostRepository posts, Analyzers analyzers, SavedQueries queries, ApplicationEventPublisher events) {
        this.posts = posts;
        this.analyzers = analyzers;
        this.queries = queries;
        this.events = events;
    }

    /**
     * Normalises, analyses, matches against the saved listening queries, de-duplicates, threads and stores a post; the
     * order of the steps is written here once.
     */
    @Transactional
    public IntakeResult accept(InboundPost inbound) {
        return store(inbound);
    }

    /**
     * Accepts the posts of one poll in one transaction: one commit (one flush to disk) for the lot instead of one per
     * post, which is what limits intake on a real disk. A post that fails its checks is left out and reported; the
     * others are stored. Either all the stored ones commit or none do, so a crash means the poll is simply repeated.
     */
    @Transactional
    public IntakeBatch acceptAll(List<InboundPost> inbound) {
        int stored = 0;
        int duplicates = 0;
        List<InvalidPostException> refused = new java.util.ArrayList<>();
        for (InboundPost post : inbound) {
            try {
                // Checks fail before anything is written, so a refused post leaves the transaction intact.
                IntakeResult result = store(post);
                stored += result.duplicate() ? 0 : 1;
                duplicates += result.duplicate() ? 1 : 0;
            } catch (InvalidPostException e) {
                refused.add(e);
            }
        }
        return new IntakeBatch(stored, duplicates, refused);
    }

    /**
     * What intake would make of a post, storing nothing and announcing nothing: its text as stored, its analysis (read
     * as {@code language} when given) and the saved queries it matches. For trying out what depends on them, such as
     * routing rules.
     */
    public PostTrial trial(InboundPost inbound, String language) {
        NormalisedPost post = normalise(inbound);
        AnalysisRequest request = request(post, inbound);
        if (language != null && !language.isBlank()) {
            request = new AnalysisRequest(request.text(), language, request.followers(), request.brandHandles(),
                    request.privateMessage(), request.repliesToBrand(), request.engagement(), request.ageMinutes());
        }
        Analysis analysis = analyzers.analyze(request);
        return new PostTrial(post.text(), post.visibility(), analysis, queries.match(matchable(post, analysis)));
    }

    /** A post as intake would store it; see {@link #trial}. */
    public record PostTrial(String text, Visibility visibility, Analysis analysis, List<Long> matchedQueries) {
    }

    private IntakeResult store(InboundPost inbound) {
        NormalisedPost post = normalise(inbound);
        Analysis analysis = analyzers.analyze(request(post, inbound));
        MatchablePost matchable = matchable(post, analysis);
        List<Long> matched = queries.match(matchable);
        IntakeResult result = posts.insertOnce(post, analysis, matched, matchable.distinctTerms());
        if (!result.duplicate()) {
            posts.adoptReplies(post.channelId(), post.externalId(), result.postId(), result.threadId());
            events.publishEvent(new PostReceived(result.postId(), post.channelId(), result.threadId(), matched));
        }
        return result;
    }

    static MatchablePost matchable(NormalisedPost post, Analysis analysis) {
        return PostArchive.matchable(post.text(), post.authorHandle(), post.channelType(), post.site(), analysis,
                post.authorFollowers());
    }

    static AnalysisRequest request(NormalisedPost post, InboundPost inbound) {
        long ageMinutes = Math.max(0, java.time.Duration.between(post.createdAt(), Instant.now()).toMinutes());
        return new AnalysisRequest(post.text(), null, inbound.authorFollowers(), inbound.brandHandles(),
                post.visibility() == Visibility.PRIVATE, inbound.toBrand(), 0, ageMinutes);
    }

    static NormalisedPost normalise(InboundPost inbound) {
        String externalId = required("externalId", inbound.externalId(), MAX_ID_LENGTH);
        String handle = required("authorHandle", inbound.authorHandle(), MAX_NAME_LENGTH);
        String name = optional("authorName", inbound.authorName(), MAX_NAME_LENGTH);
        String inReplyTo = optional("inReplyTo", inbound.inReplyToExternalId(), MAX_ID_LENGTH);
        if (inReplyTo != null && inReplyTo.equals(externalId)) {
            throw new InvalidPostException("inReplyTo", "a post cannot reply to itself");
        }
        if (inbound.createdAt() == null) {
            throw new InvalidPostException("createdAt", "is required");
        }
        if (inbound.createdAt().isAfter(Instant.now().plus(MAX_CLOCK_SKEW_HOURS, ChronoUnit.HOURS))) {
            throw new InvalidPostException("createdAt", "lies more than " + MAX_CLOCK_SKEW_HOURS + " hours in the future");
        }
        if (inbound.authorFollowers() != null && inbound.authorFollowers() < 0) {
            throw new InvalidPostException("authorFollowers", "cannot be negative, got " + inbound.authorFollowers());
        }
        if (inbound.text() == null) {
            throw new InvalidPostException("text", "is required");
        }
        String text = PostText.plain(inbound.text());
        if (text.isEmpty()) {
            throw new InvalidPostException("text", "is empty once markup and control characters are removed");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidPostException("text", "is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        String url = optional("url", inbound.url(), PostSource.MAX_URL_LENGTH);
        String title = optional("title", inbound.title(), MAX_TITLE_LENGTH);
        return new NormalisedPost(inbound.channelId(), externalId, handle, name, text,
                inbound.visibility() == null ? Visibility.PUBLIC : inbound.visibility(),
                inbound.createdAt(), inReplyTo, inbound.authorFollowers(), inbound.channelType(), url, PostSource.site(url), title);
    }

    private static String required(String field, String value, int maxLength) {
        String cleaned = optional(field, value, maxLength);
        if (cleaned == null) {
            throw new InvalidPostException(field, "is required");
        }
        return cleaned;
    }

    private static String optional(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String cleaned = PostText.plain(value).replace('\n', ' ');
        if (cleaned.isEmpty()) {
            return null;
        }
        if (cleaned.length() > maxLength) {
            throw new InvalidPostException(field, "is longer than " + maxLength + " characters");
        }
        return cleaned;
    }

    record NormalisedPost(long channelId, String externalId, String authorHandle, String authorName, String text,
                          Visibility visibility, Instant createdAt, String inReplyToExternalId, Long authorFollowers,
                          String channelType, String url, String site, String title) {
    }
}
