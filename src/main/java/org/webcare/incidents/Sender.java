package org.webcare.incidents;

import org.webcare.cases.Actor;

/** Who sends a statement: its replies carry their name, and {@code {{agent.initials}}} is filled with their initials. */
public record Sender(long userId, String name, String initials) {

    Actor actor() {
        return Actor.user(userId, name);
    }
}
