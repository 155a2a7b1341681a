package org.webcare.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.intake.Post;
import org.webcare.intake.Posts;
import org.webcare.shared.ConflictException;
import org.webcare.shared.NotFoundException;

/**
 * The team's cases: reading them, and every change an agent makes (status, priority, owner, merge, split). Each change
 * is recorded in the case's history with who, when and why.
 */
@Service
public class Cases {

    static final int MAX_REASON_LENGTH = 1_000;

    private final CaseRepository repository;
    private final NoteRepository notes;
    private final Posts posts;
    private final Replies replies;
    private final CaseSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Cases(CaseRepository repository, NoteRepository notes, Posts posts, Replies replies, CaseSettings settings,
          ApplicationEventPublisher events, java.util.Optional<Clock> clock) {
        this.repository = repository;
        this.notes = notes;
        this.posts = posts;
        this.replies = replies;
        this.settings = settings;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public Optional<Case> find(long caseId) {
        return repository.find(caseId);
    }

    public Case get(long caseId) {
        return find(caseId).orElseThrow(() -> notFound(caseId));
    }

    public List<Case> list(CaseFilter filter) {
        return repository.list(filter);
    }

    public Optional<CaseView> view(long caseId) {
        return find(caseId).map(found -> {
            List<Post> casePosts = posts.all(repository.postIds(caseId));
            return new CaseView(found, casePosts, casePosts.isEmpty() ? List.of() : replies.toPosts(casePosts.stream().map(Post::id).toList()),
                    repository.events(caseId), notes.notes(caseId));
        });
    }

    public List<CaseEvent> history(long caseId) {
        get(caseId);
        return repository.events(caseId);
    }

    /** The case a post belongs to, if any (overheard posts have none until an agent makes one). */
    public Optional<Case> caseOf(long postId) {
        return repository.caseOfPost(postId).flatMap(repository::find);
    }

    /** Moves a case to another status; only the lifecycle's transitions are allowed. */
    @Transactional
    public Case changeStatus(long caseId, CaseStatus target, Actor actor, String reason) {
        Case current = lock(caseId);
        if (current.mergedIntoId() != null) {
            throw new ConflictException("case: #" + caseId + " was merged into #" + current.mergedIntoId());
        }
        if (current.status() == target) {
            return current;
        }
        if (!current.status().canMoveTo(target)) {
            throw new IllegalArgumentException("status: a " + current.status().json() + " case cannot become "
                    + target.json() + (current.status().next().isEmpty()
                    ? "; a closed case stays closed (the customer's next message opens a new case)"
                    : "; it can become " + String.join(", ", current.status().next().stream().map(CaseStatus::json).toList())));
        }
        transition(current, target, actor, cleanReason(reason, false), "status");
        return get(caseId);
    }

    /**
     * Resolves a case as of a moment in the past: its history and resolution time read as if it had been resolved
     * then. For history imports, where the conversation ended long ago; a resolved or closed case stays as it is.
     *
     * @param at when it was resolved; not in the future, and not before the case's last message
     */
    @Transactional
    public Case resolveAsOf(long caseId, Instant at, Actor actor, String reason) {
        Case current = lock(caseId);
        if (current.mergedIntoId() != null) {
            throw new ConflictException("case: #" + caseId + " was merged into #" + current.mergedIntoId());
        }
        if (!current.status().isActive()) {
            return current;
        }
        if (at.isAfter(now())) {
            throw new IllegalArgumentException("at: " + at + " lies in the future");
        }
        Instant last = java.util.stream.Stream.of(current.lastCustomerPostAt(), current.lastAgentReplyAt())
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(current.openedAt());
        if (at.isBefore(last)) {
            throw new IllegalArgumentException("at: " + at + " lies before the case's last message (" + last + ")");
        }
        transition(current, CaseStatus.RESOLVED, actor, cleanReason(reason, false), "status", at);
        return get(caseId);
    }

    /** Overrides the computed priority; the reason is required and kept in the history. */
    @Transactional
    public Case overridePriority(long caseId, int value, Actor actor, String reason) {
        String why = cleanReason(reason, true);
        Case current = lock(caseId);
        Priority overridden = new Priority(current.priority().impact(), current.priority().urgency(), value,
                List.of("override=" + value));
        repository.setPriority(caseId, overridden, true);
        repository.event(caseId, actor.userId(), actor.name(), "priority", String.valueOf(current.priority().value()),
                String.valueOf(value), why, now());
        events.publishEvent(new CaseUpdated(caseId));
        return get(caseId);
    }

    /** Drops an override: the priority is computed from the case's posts again. */
    @Transactional
    public Case computePriority(long caseId, Actor actor) {
        Case current = lock(caseId);
        Priority computed = assess(current, now());
        repository.setPriority(caseId, computed, false);
        if (current.priorityOverridden() || current.priority().value() != computed.value()) {
            repository.event(caseId, actor.userId(), actor.name(), "priority", String.valueOf(current.priority().value()),
                    String.valueOf(computed.value()), current.priorityOverridden() ? "override removed" : null, now());
        }
        events.publishEvent(new CaseUpdated(caseId));
        return get(caseId);
    }

    /**
     * Gives a case to an agent ({@code null}: back to its queue). A new case becomes open when someone takes it.
     */
    @Transactional
    public Case assign(long caseId, Long userId, Actor actor, String reason) {
        if (userId != null && !repository.userExists(userId)) {
            throw new IllegalArgumentException("userId: no user with id " + userId);
        }
        Case current = lock(caseId);
        if (java.util.Objects.equals(current.assigneeId(), userId)) {
            return current;
        }
        repository.assign(caseId, userId);
        Case assigned = get(caseId);
        repository.event(caseId, actor.userId(), actor.name(), "assigned", current.assigneeName(),
                assigned.assigneeName(), cleanReason(reason, false), now());
        if (userId != null && current.status() == CaseStatus.NEW) {
            transition(assigned, CaseStatus.OPEN, actor, null, "status");
        }
        events.publishEvent(new CaseAssigned(caseId, current.assigneeId(), userId));
        events.publishEvent(new CaseUpdated(caseId));
        return get(caseId);
    }

    /**
     * Merges one case into another of the same brand: its posts move over with their threads intact, and it is
     * closed with a pointer to where they went.
     */
    @Transactional
    public Case merge(long sourceId, long targetId, Actor actor, String reason) {
        if (sourceId == targetId) {
            throw new IllegalArgumentException("into: a case cannot be merged into itself");
        }
        // Lock in id order, so two agents merging the same two cases both ways cannot deadlock.
        Case first = lock(Math.min(sourceId, targetId));
        Case second = lock(Math.max(sourceId, targetId));
        Case source = first.id() == sourceId ? first : second;
        Case target = first.id() == targetId ? first : second;
        if (source.brandId() != target.brandId()) {
            throw new IllegalArgumentException("into: case #" + targetId + " belongs to " + target.brandName()
                    + ", case #" + sourceId + " to " + source.brandName());
        }
        if (source.mergedIntoId() != null) {
            throw new ConflictException("case: #" + sourceId + " was already merged into #" + source.mergedIntoId());
        }
        if (target.mergedIntoId() != null || target.status() == CaseStatus.CLOSED) {
            throw new IllegalArgumentException("into: case #" + targetId + " is closed");
        }
        String why = cleanReason(reason, false);
        Instant now = now();
        repository.addPosts(targetId, repository.postIds(sourceId));
        repository.mergedInto(sourceId, targetId);
        repository.refreshPostTimes(targetId);
        repository.event(sourceId, actor.userId(), actor.name(), "merged", "#" + sourceId, "#" + targetId, why, now);
        repository.event(targetId, actor.userId(), actor.name(), "merged", "#" + sourceId, "#" + targetId, why, now);
        if (source.status() != CaseStatus.CLOSED) {
            if (source.status() != CaseStatus.RESOLVED) {
                repository.setStatus(sourceId, CaseStatus.RESOLVED, now);
            }
            repository.setStatus(sourceId, CaseStatus.CLOSED, now);
            events.publishEvent(new CaseStatusChanged(sourceId, source.status(), CaseStatus.CLOSED, actor.userId()));
        }
        reassess(targetId, now);
        events.publishEvent(new CaseUpdated(sourceId));
        events.publishEvent(new CaseUpdated(targetId));
        return get(targetId);
    }

    /**
     * Moves some of a case's posts into a new case of the same customer; the posts keep their threads, and the new case
     * records where it came from. At least one post stays behind.
     */
    @Transactional
    public Case split(long caseId, List<Long> postIds, Actor actor, String reason) {
        if (postIds == null || postIds.isEmpty()) {
            throw new IllegalArgumentException("postIds: name the posts that move to the new case");
        }
        Case current = lock(caseId);
        if (current.mergedIntoId() != null || current.status() == CaseStatus.CLOSED) {
            throw new ConflictException("case: #" + caseId + " is closed");
        }
        List<Long> inCase = repository.postIds(caseId);
        Set<Long> moving = new HashSet<>(postIds);
        for (Long id : moving) {
            if (!inCase.contains(id)) {
                throw new IllegalArgumentException("postIds: post " + id + " is not in case #" + caseId);
            }
        }
        if (moving.size() == inCase.size()) {
            throw new IllegalArgumentException("postIds: at least one post must stay in case #" + caseId);
        }
        List<Post> moved = posts.all(moving);
        Post first = moved.getFirst();
        Instant now = now();
        long newId = repository.insert(current.brandId(), first.channelId(), first.authorHandle(), first.authorName(),
                CasePriority.assess(moved, first.createdAt(), now, settings.waitingEscalation()), first.createdAt(),
                moved.getLast().createdAt(), null, caseId, now);
        repository.addPosts(newId, moved.stream().map(Post::id).toList());
        repository.refreshPostTimes(caseId);
        String why = cleanReason(reason, false);
        repository.event(caseId, actor.userId(), actor.name(), "split", "#" + caseId, "#" + newId, why, now);
        repository.event(newId, actor.userId(), actor.name(), "split", "#" + caseId, "#" + newId, why, now);
        reassess(caseId, now);
        reassess(newId, now);
        events.publishEvent(new CaseOpened(newId, current.brandId()));
        events.publishEvent(new CaseUpdated(caseId));
        return get(newId);
    }

    /** Makes a case of an overheard post (and the posts of its thread that have none): the agent decided to act. */
    @Transactional
    public Case open(long postId, Actor actor) {
        Post post = posts.find(postId).orElseThrow(() -> new NotFoundException("post: no post with id " + postId));
        Optional<Case> existing = caseOf(postId);
        if (existing.isPresent()) {
            return existing.get();
        }
        List<Post> thread = posts.thread(post.threadId()).stream()
                .filter(p -> repository.caseOfPost(p.id()).isEmpty()).toList();
        long caseId = create(post, thread, null, now());
        repository.event(caseId, actor.userId(), actor.name(), "created", null, CaseStatus.NEW.json(), "made from an overheard post", now());
        events.publishEvent(new CaseOpened(caseId, get(caseId).brandId()));
        return get(caseId);
    }

    /**
     * Makes a case part of an incident (many customers hit by one outage): its impact becomes high, with the reason
     * {@code incident=<id>}, until {@link #unlinkIncident}. Which cases an incident holds is the incidents' business;
     * the case only keeps the one open incident that raises its impact.
     */
    @Transactional
    public Case linkIncident(long caseId, long incidentId, Actor actor) {
        Case current = lock(caseId);
        if (current.mergedIntoId() != null) {
            throw new ConflictException("case: #" + caseId + " was merged into #" + current.mergedIntoId());
        }
        Optional<Long> previous = repository.incidentOf(caseId);
        if (previous.isPresent() && previous.get() == incidentId) {
            return current;
        }
        repository.setIncident(caseId, incidentId);
        repository.event(caseId, actor.userId(), actor.name(), "incident", previous.map(id -> "#" + id).orElse(null),
                "#" + incidentId, null, now());
        reassess(caseId, now());
        events.publishEvent(new CaseUpdated(caseId));
        return get(caseId);
    }

    /** Takes a case out of an incident (resolved, or linked by mistake); its impact is assessed from its posts again. */
    @Transactional
    public Case unlinkIncident(long caseId, long incidentId, Actor actor, String reason) {
        lock(caseId);
        if (repository.incidentOf(caseId).filter(id -> id == incidentId).isEmpty()) {
            return get(caseId);
        }
        repository.setIncident(caseId, null);
        repository.event(caseId, actor.userId(), actor.name(), "incident", "#" + incidentId, null,
                cleanReason(reason, false), now());
        reassess(caseId, now());
        events.publishEvent(new CaseUpdated(caseId));
        return get(caseId);
    }

    /** The priority a case opened now for this one post would get; nothing is stored (routing's tester asks). */
    public Priority assessNew(Post post) {
        return CasePriority.assess(List.of(post), post.createdAt(), now(), settings.waitingEscalation());
    }

    // ---- used by threading and housekeeping within this module ----

    long create(Post first, List<Post> casePosts, Long previousCaseId, Instant openedAt) {
        long brandId = repository.brandOfChannel(first.channelId());
        Priority priority = CasePriority.assess(casePosts, casePosts.getFirst().createdAt(), now(), settings.waitingEscalation());
        long caseId = repository.insert(brandId, first.channelId(), first.authorHandle(), first.authorName(), priority,
                casePosts.getFirst().createdAt(), casePosts.getLast().createdAt(), previousCaseId, null, openedAt);
        repository.addPosts(caseId, casePosts.stream().map(Post::id).toList());
        return caseId;
    }

    /** Records a status change and announces it; the caller checked it is allowed. */
    void transition(Case current, CaseStatus target, Actor actor, String reason, String kind) {
        transition(current, target, actor, reason, kind, now());
    }

    /** A status change as of {@code at}: when what caused it happened (a customer's post, a reply from history). */
    void transition(Case current, CaseStatus target, Actor actor, String reason, String kind, Instant at) {
        repository.setStatus(current.id(), target, at);
        repository.event(current.id(), actor.userId(), actor.name(), kind, current.status().json(), target.json(), reason, at);
        events.publishEvent(new CaseStatusChanged(current.id(), current.status(), target, actor.userId()));
        events.publishEvent(new CaseUpdated(current.id()));
    }

    /** Recomputes the priority from the case's posts, unless an agent overrode it. */
    void reassess(long caseId, Instant now) {
        Case current = get(caseId);
        if (current.priorityOverridden()) {
            return;
        }
        Priority computed = assess(current, now);
        if (!computed.equals(current.priority())) {
            repository.setPriority(caseId, computed, false);
            if (computed.value() != current.priority().value()) {
                repository.event(caseId, null, Actor.WEBCARE.name(), "priority", String.valueOf(current.priority().value()),
                        String.valueOf(computed.value()), String.join(", ", computed.reasons()), now);
            }
        }
    }

    private Priority assess(Case current, Instant now) {
        List<Post> casePosts = posts.all(repository.postIds(current.id()));
        Instant waitingSince = casePosts.stream().map(Post::createdAt)
                .filter(at -> current.lastAgentReplyAt() == null || at.isAfter(current.lastAgentReplyAt()))
                .min(Instant::compareTo).orElse(null);
        return CasePriority.assess(casePosts, waitingSince, now, settings.waitingEscalation(),
                repository.incidentOf(current.id()).orElse(null));
    }

    Case lock(long caseId) {
        return repository.lock(caseId).orElseThrow(() -> notFound(caseId));
    }

    Instant now() {
        return clock.instant();
    }

    private static NotFoundException notFound(long caseId) {
        return new NotFoundException("case: no case with id " + caseId);
    }

    static String cleanReason(String reason, boolean required) {
        String cleaned = reason == null ? "" : reason.strip();
        if (cleaned.isEmpty()) {
            if (required) {
                throw new IllegalArgumentException("reason: say why");
            }
            return null;
        }
        if (cleaned.length() > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("reason: is longer than " + MAX_REASON_LENGTH + " characters");
        }
        return cleaned;
    }
}
