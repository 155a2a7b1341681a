package org.webcare.intake;

import java.util.List;

/**
 * What became of a batch of posts.
 *
 * @param stored posts stored for the first time
 * @param duplicates posts that were already stored
 * @param refused the posts left out, each with the field and reason
 */
public record IntakeBatch(int stored, int duplicates, List<InvalidPostException> refused) {

    public IntakeBatch {
        refused = List.copyOf(refused);
    }
}
