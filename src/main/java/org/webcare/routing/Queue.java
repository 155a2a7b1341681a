package org.webcare.routing;

import java.util.List;

/**
 * A brand's queue: where cases wait until one of its members has them. Names are user input: escape on output.
 *
 * @param team the team that works it, or {@code null}
 * @param isDefault whether cases of the brand that match no rule come here
 */
public record Queue(long id, long brandId, String brandName, String name, String team, Strategy strategy,
                    boolean isDefault, List<QueueMember> members) {

    public Queue {
        members = List.copyOf(members);
    }

    public boolean hasMember(long userId) {
        return members.stream().anyMatch(member -> member.userId() == userId);
    }

    /** An agent in a queue. */
    public record QueueMember(long userId, String name) {
    }
}
