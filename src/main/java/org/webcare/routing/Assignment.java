package org.webcare.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which member of a queue gets a case: plain rules, no database. A member is eligible when available, below
 * capacity, and speaking the case's language (when they have languages set). Members whose topics overlap the case's
 * come first; among them, or among all eligible when none does, the strategy chooses.
 */
final class Assignment {

    private Assignment() {
    }

    /** The candidate with {@code ineligible} and {@code preferred} worked out for this case. */
    static Candidate assess(Candidate member, CaseFacts facts) {
        String ineligible = null;
        if (member.status() != AgentStatus.AVAILABLE) {
            ineligible = "status";
        } else if (member.activeCases() >= member.capacity()) {
            ineligible = "capacity";
        } else if (!member.languages().isEmpty() && facts.knowsLanguage() && !member.languages().contains(facts.language())) {
            ineligible = "language";
        }
        Set<String> topics = facts.topics();
        boolean preferred = member.topics().stream().anyMatch(topics::contains);
        return new Candidate(member.userId(), member.name(), member.status(), member.activeCases(), member.capacity(),
                member.languages(), member.topics(), ineligible, preferred);
    }

    /**
     * @param assessed the queue's members, assessed for the case
     * @param lastAssignedUserId who got the queue's previous case (round robin continues after them), or {@code null}
     */
    static Optional<Candidate> choose(Strategy strategy, List<Candidate> assessed, Long lastAssignedUserId) {
        if (strategy == Strategy.MANUAL) {
            return Optional.empty();
        }
        List<Candidate> eligible = assessed.stream().filter(Candidate::eligible).toList();
        List<Candidate> preferred = eligible.stream().filter(Candidate::preferred).toList();
        List<Candidate> pool = preferred.isEmpty() ? eligible : preferred;
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        return switch (strategy) {
            case ROUND_ROBIN -> Optional.of(nextInTurn(pool, lastAssignedUserId));
            case LOAD_BALANCED -> pool.stream().min(Comparator.comparingDouble(Candidate::load)
                    .thenComparingInt(Candidate::activeCases).thenComparingLong(Candidate::userId));
            case MANUAL -> Optional.empty();
        };
    }

    /** The turn goes round the members by user id, so it is the same on every node and after a restart. */
    private static Candidate nextInTurn(List<Candidate> pool, Long lastAssignedUserId) {
        List<Candidate> byId = pool.stream().sorted(Comparator.comparingLong(Candidate::userId)).toList();
        if (lastAssignedUserId == null) {
            return byId.getFirst();
        }
        return byId.stream().filter(c -> c.userId() > lastAssignedUserId).findFirst().orElse(byId.getFirst());
    }
}
