package org.webcare.incidents;

import java.time.Instant;

import org.webcare.cases.Case;

/** A case of an incident, with where each of the incident's statements stands for it. */
public record LinkedCase(Case details, Instant addedAt, String addedByName, StatementState holding,
                         StatementState resolution) {
}
