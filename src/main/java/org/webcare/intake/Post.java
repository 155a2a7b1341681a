package org.webcare.intake;

import java.time.Instant;

import org.webcare.analysis.Analysis;
import org.webcare.shared.Visibility;

/**
 * A stored post. Its text is plain text: markup was removed at intake and must still be escaped on output.
 *
 * @param threadId id of the first post of its reply chain
 * @param analysis what analysis found (corrected by agents where they did), or {@code null} while not yet analysed
 * @param matchedQueries ids of the saved listening queries it matched when it arrived
 * @param authorFollowers the author's followers when the platform told, or {@code null}
 * @param channelType the type id of the channel it came through, or {@code null} for posts older than that column
 * @param url where it can be read on the web, or {@code null}
 * @param site the host of {@code url} without {@code www.}, or {@code null}
 * @param title a feed item's title or an e-mail's subject, or {@code null}
 */
public record Post(long id, long channelId, String externalId, String authorHandle, String authorName, String text,
                   Visibility visibility, Instant createdAt, Instant receivedAt, String inReplyToExternalId,
                   Long parentId, long threadId, Analysis analysis, java.util.List<Long> matchedQueries,
                   Long authorFollowers, String channelType, String url, String site, String title) {
}
