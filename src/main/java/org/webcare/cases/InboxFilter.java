package org.webcare.cases;

import org.webcare.shared.Intent;
import org.webcare.shared.SentimentLabel;

/**
 * Which posts the inbox shows; {@code null} fields do not filter.
 *
 * @param intent show posts with this intent among theirs
 * @param queryId show posts that matched this saved listening query
 *
 * @param beforeId show the posts listed after this one (paging: the last id of the previous page)
 */
public record InboxFilter(Long brandId, Long channelId, SentimentLabel sentiment, Intent intent, Long queryId, Long beforeId,
                          int limit) {

    public InboxFilter {
        limit = limit <= 0 ? 50 : Math.min(limit, 200);
    }

    public InboxFilter(Long brandId, Long channelId, Long beforeId, int limit) {
        this(brandId, channelId, null, null, null, beforeId, limit);
    }

    public InboxFilter(Long brandId, Long channelId, SentimentLabel sentiment, Intent intent, Long beforeId, int limit) {
        this(brandId, channelId, sentiment, intent, null, beforeId, limit);
    }
}
