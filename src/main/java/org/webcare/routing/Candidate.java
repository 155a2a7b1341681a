package org.webcare.routing;

import java.util.List;

/**
 * A queue member considered for a case.
 *
 * @param activeCases the cases assigned to them that are not resolved or closed (the case being routed not counted)
 * @param ineligible why they cannot take the case now: {@code status} (not available), {@code capacity} (full) or
 *                   {@code language} (does not speak the case's language); {@code null} when they can
 * @param preferred whether their topics overlap the case's intents or matched queries
 */
public record Candidate(long userId, String name, AgentStatus status, int activeCases, int capacity,
                        List<String> languages, List<String> topics, String ineligible, boolean preferred) {

    public Candidate {
        languages = List.copyOf(languages);
        topics = List.copyOf(topics);
    }

    public boolean eligible() {
        return ineligible == null;
    }

    /** Active cases per unit of capacity; an agent without capacity counts as full. */
    public double load() {
        return capacity <= 0 ? Double.MAX_VALUE : (double) activeCases / capacity;
    }
}
