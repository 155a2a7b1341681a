package org.webcare.identity;

/** What a user may do: agents work the inbox, admins also manage channels, users and tokens. */
public enum Role {
    ADMIN, AGENT
}
