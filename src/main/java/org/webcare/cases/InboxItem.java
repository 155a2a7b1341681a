package org.webcare.cases;

import java.time.Instant;

import org.webcare.analysis.Analysis;
import org.webcare.shared.Visibility;

/**
 * One post as the inbox lists it.
 *
 * @param replies how many agent replies its thread has
 * @param analysis its language, sentiment, intents, addressed or overheard and reach; {@code null} until analysed
 * @param matchedQueries ids of the saved listening queries it matched
 */
public record InboxItem(long postId, long threadId, long brandId, String brandName, long channelId, String channelName,
                        String authorHandle, String authorName, String text, Visibility visibility, Instant createdAt,
                        int replies, Analysis analysis, java.util.List<Long> matchedQueries) {
}
