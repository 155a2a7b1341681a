package org.webcare.listening;

import java.time.Instant;

/** A listening query a team saved under a name. */
public record SavedQuery(long id, String name, String query, Instant createdAt) {
}
