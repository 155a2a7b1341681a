package org.webcare.intake;

import java.util.List;

/**
 * Published once for every post stored for the first time, inside the transaction that stores it.
 *
 * @param matchedQueries ids of the saved listening queries it matched, so listeners need not read the post again
 */
public record PostReceived(long postId, long channelId, long threadId, List<Long> matchedQueries) {

    public PostReceived {
        matchedQueries = List.copyOf(matchedQueries);
    }
}
