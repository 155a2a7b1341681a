package org.webcare.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Who has a case open right now, and who is typing in it, so two agents do not answer one customer twice. Browsers
 * report every few seconds; a report counts until it expires ({@code webcare.presence.expiry}, 30 s). Kept in this
 * node's memory only: with several Webcare nodes behind a load balancer, agents on different nodes do not see each
 * other (sharing it, e.g. through PostgreSQL LISTEN/NOTIFY, is not built). Thread-safe.
 */
@Service
public class CasePresence {

    private final Clock clock;
    private final Duration expiry;
    private final Map<Long, Map<Long, Presence>> byCase = new ConcurrentHashMap<>();

    @Autowired
    CasePresence(Optional<Clock> clock, @Value("${webcare.presence.expiry:30s}") Duration expiry) {
        this(clock.orElse(Clock.systemUTC()), expiry);
    }

    public CasePresence(Clock clock, Duration expiry) {
        if (expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException("webcare.presence.expiry: must be positive, got " + expiry);
        }
        this.clock = clock;
        this.expiry = expiry;
    }

    /**
     * One user's presence on a case.
     *
     * @param typing   whether they were typing (a reply, a note) at their last report
     * @param lastSeen their last report
     */
    public record Presence(long userId, String name, boolean typing, Instant lastSeen) {
    }

    /** A user has the case open; {@code typing} whether they are writing in it now. */
    public void report(long caseId, long userId, String name, boolean typing) {
        forgetExpired();
        Presence presence = new Presence(userId, name, typing, clock.instant());
        byCase.compute(caseId, (id, users) -> {
            Map<Long, Presence> next = new HashMap<>(users == null ? Map.of() : users);
            next.put(userId, presence);
            return Map.copyOf(next);
        });
    }

    /** A user closed the case. */
    public void leave(long caseId, long userId) {
        byCase.computeIfPresent(caseId, (id, users) -> without(users, p -> p.userId() == userId));
    }

    /** Everyone else who has the case open, typing ones first, then by name. */
    public List<Presence> others(long caseId, long userId) {
        Instant since = clock.instant().minus(expiry);
        return byCase.getOrDefault(caseId, Map.of()).values().stream()
                .filter(p -> p.userId() != userId && p.lastSeen().isAfter(since))
                .sorted(Comparator.comparing(Presence::typing).reversed().thenComparing(Presence::name))
                .toList();
    }

    /** Drops expired reports, so cases nobody looks at any more take no memory. */
    private void forgetExpired() {
        Instant since = clock.instant().minus(expiry);
        for (Long caseId : byCase.keySet()) {
            byCase.computeIfPresent(caseId, (id, users) -> without(users, p -> !p.lastSeen().isAfter(since)));
        }
    }

    /** Each case's map is replaced, never changed, so readers need no lock; an empty one is removed. */
    private static Map<Long, Presence> without(Map<Long, Presence> users, Predicate<Presence> leaving) {
        Map<Long, Presence> next = new HashMap<>(users);
        next.values().removeIf(leaving);
        return next.isEmpty() ? null : Map.copyOf(next);
    }
}
