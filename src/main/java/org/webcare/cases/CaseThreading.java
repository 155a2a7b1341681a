package org.webcare.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.webcare.intake.Post;
import org.webcare.intake.PostReceived;
import org.webcare.intake.Posts;
import org.webcare.shared.Intent;
import org.webcare.shared.Visibility;

/**
 * Puts each new post into its case, inside the intake transaction (so a stored post always has its case, and a crash
 * loses neither). A post joins the case of the conversation it continues:
 * <ol>
 *   <li>its reply chain (in-reply-to, e-mail references): the case of the chain's other posts;</li>
 *   <li>otherwise the same author's case on the brand's channels of the same platform, when they wrote there within
 *       the follow-up window, or when the post is a direct message and that case is still active (the "we've sent you
 *       a DM" that follows a public post).</li>
 * </ol>
 * A resolved case reopens when the customer writes within the reopen period; a closed one (or one resolved longer
 * ago) is followed by a new case linked to it. A post that continues nothing opens a case when it was addressed to the
 * brand or written privately; overheard posts stay in listening until an agent makes a case of one.
 */
@Component
class CaseThreading {

    private final Cases cases;
    private final CaseRepository repository;
    private final Posts posts;
    private final CaseSettings settings;
    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final org.springframework.beans.factory.ObjectProvider<AnswersAfterResolution> answers;

    CaseThreading(Cases cases, CaseRepository repository, Posts posts, CaseSettings settings, JdbcClient jdbc,
                  org.springframework.context.ApplicationEventPublisher events,
                  org.springframework.beans.factory.ObjectProvider<AnswersAfterResolution> answers) {
        this.answers = answers;
        this.cases = cases;
        this.repository = repository;
        this.posts = posts;
        this.settings = settings;
        this.jdbc = jdbc;
        this.events = events;
    }

    @EventListener
    void on(PostReceived received) {
        Post post = posts.find(received.postId()).orElseThrow();
        // One read of the channel for both: its platform and its brand.
        ChannelOfPost channel = jdbc.sql("select type, brand_id from channel where id = ?").param(post.channelId())
                .query((rs, n) -> new ChannelOfPost(rs.getString("type"), rs.getLong("brand_id"))).single();
        String channelType = channel.type();
        if ("rss".equals(channelType)) {
            return; // a listening source: nobody can be answered there
        }
        long brandId = channel.brandId();
        // One customer's posts are put into cases one at a time, so two messages arriving together cannot open two cases.
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("case-of:" + brandId + ":" + post.authorHandle().toLowerCase(java.util.Locale.ROOT))
                .query((rs, n) -> null).list();
        Instant now = cases.now();
        // The case's history dates what the customer did when they did it (history imports, late deliveries).
        Instant at = post.createdAt().isBefore(now) ? post.createdAt() : now;
        Optional<Case> continued = continued(post, brandId, channelType).map(this::unmerged);
        if (continued.isEmpty()) {
            if (opensCase(post)) {
                opened(post, null, at, brandId);
            }
            return;
        }
        Case found = continued.get();
        if (found.status().isActive()) {
            join(found, post, at);
            if (found.status() == CaseStatus.PENDING_CUSTOMER) {
                cases.transition(found, CaseStatus.OPEN, Actor.WEBCARE, "the customer wrote", "status", at);
            }
        } else if (found.status() == CaseStatus.RESOLVED
                && !post.createdAt().isAfter(found.resolvedAt().plus(settings.reopenWithin()))) {
            join(found, post, at);
            if (answers.orderedStream().anyMatch(answer -> answer.take(found, post))) {
                return; // the answer to a question asked after resolution (a survey score): the case stays resolved
            }
            cases.transition(found, CaseStatus.OPEN, Actor.WEBCARE, "the customer wrote again", "reopened", at);
            events.publishEvent(new CaseReopened(found.id(), found.assigneeId() != null ? found.assigneeId() : found.previousAssigneeId()));
        } else {
            opened(post, found.id(), at, brandId);
        }
    }

    /** The team replied: the case's reply times, and a new case is now open. */
    @EventListener
    void on(ReplyRecorded reply) {
        repository.caseOfPost(reply.postId()).ifPresent(caseId -> {
            Case current = cases.lock(caseId);
            repository.agentReplied(caseId, reply.at());
            if (current.status() == CaseStatus.NEW) {
                cases.transition(current, CaseStatus.OPEN, reply.authorUserId() == null ? Actor.WEBCARE
                        : new Actor(reply.authorUserId(), reply.authorName()), "replied", "status", reply.at());
            }
            cases.reassess(caseId, cases.now());
            events.publishEvent(new CaseUpdated(caseId));
        });
    }

    private Optional<Case> continued(Post post, long brandId, String channelType) {
        Optional<Case> inThread = repository.caseOfThread(post.threadId(), post.id()).flatMap(repository::find);
        if (inThread.isPresent()) {
            return inThread;
        }
        return repository.latestOfCustomer(brandId, channelType, post.authorHandle())
                .filter(latest -> followsUp(latest, post));
    }

    private boolean followsUp(Case latest, Post post) {
        Duration since = Duration.between(latest.lastCustomerPostAt(), post.createdAt()).abs();
        if (since.compareTo(settings.followUpWindow()) <= 0) {
            return true;
        }
        return post.visibility() == Visibility.PRIVATE && latest.status().isActive();
    }

    /** A merged case's posts live on in the case it was merged into. */
    private Case unmerged(Case found) {
        Case current = found;
        for (int hops = 0; current.mergedIntoId() != null && hops < 100; hops++) {
            current = repository.find(current.mergedIntoId()).orElseThrow();
        }
        return current;
    }

    private static boolean opensCase(Post post) {
        if (post.analysis() == null) {
            return post.visibility() == Visibility.PRIVATE;
        }
        if (post.analysis().intents().contains(Intent.SPAM)) {
            return false;
        }
        return post.analysis().addressed() || post.visibility() == Visibility.PRIVATE;
    }

    private void join(Case found, Post post, Instant at) {
        repository.addPosts(found.id(), List.of(post.id()));
        repository.customerWrote(found.id(), post.createdAt());
        repository.event(found.id(), null, Actor.WEBCARE.name(), "post-added", null, String.valueOf(post.id()), null, at);
        cases.reassess(found.id(), cases.now());
        events.publishEvent(new CaseUpdated(found.id()));
    }

    private void opened(Post post, Long previousCaseId, Instant at, long brandId) {
        long caseId = cases.create(post, List.of(post), previousCaseId, at);
        repository.event(caseId, null, Actor.WEBCARE.name(), "created", previousCaseId == null ? null : "#" + previousCaseId,
                CaseStatus.NEW.json(), previousCaseId == null ? null : "the customer wrote after case #" + previousCaseId + " ended", at);
        events.publishEvent(new CaseOpened(caseId, brandId));
    }

    private record ChannelOfPost(String type, long brandId) {
    }
}
