package org.webcare.routing;

import java.util.List;

/**
 * A user as routing sees them: status, load and skills. Names are user input: escape on output.
 *
 * @param role {@code ADMIN}, {@code TEAM_LEAD} or {@code AGENT}
 * @param activeCases cases assigned to them that are not resolved or closed
 * @param languages ISO 639-1 codes they answer in; empty: any
 * @param topics what they are preferred for (intents, names of saved queries), lower case
 * @param queues names of the queues they are a member of
 */
public record Agent(long userId, String name, String email, String role, AgentStatus status, int activeCases,
                    int capacity, List<String> languages, List<String> topics, List<String> queues) {

    public Agent {
        languages = List.copyOf(languages);
        topics = List.copyOf(topics);
        queues = List.copyOf(queues);
    }

    /** Active cases as a percentage of capacity (100 when capacity is 0). */
    public int loadPercent() {
        return capacity <= 0 ? 100 : (int) Math.round(100.0 * activeCases / capacity);
    }

    public boolean hasRoom() {
        return activeCases < capacity;
    }
}
