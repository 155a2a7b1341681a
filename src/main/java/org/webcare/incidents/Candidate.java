package org.webcare.incidents;

import java.time.Instant;
import java.util.List;

import org.webcare.cases.Case;
import org.webcare.shared.Visibility;

/**
 * An active case of the incident's brand whose posts match the agent's query: the agent decides whether it belongs.
 * Post texts are hostile input: escape on output.
 *
 * @param posts the case's matching posts in the searched period, newest first
 * @param openIncidentId another open incident the case is already part of (it cannot be added), or {@code null}
 */
public record Candidate(Case details, List<MatchedPost> posts, Long openIncidentId) {

    public record MatchedPost(long id, String text, Visibility visibility, Instant createdAt) {
    }
}
