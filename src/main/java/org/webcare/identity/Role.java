package org.webcare.identity;

/**
 * What a user may do: agents work cases; team leads also approve replies and set up queues, routing and templates;
 * admins also manage channels, users and tokens.
 */
public enum Role {
    ADMIN, TEAM_LEAD, AGENT;

    /** Whether this role may do what a team lead does. */
    public boolean leads() {
        return this == ADMIN || this == TEAM_LEAD;
    }
}
