package org.webcare.cases;

/**
 * Which posts the inbox shows; {@code null} fields do not filter.
 *
 * @param beforeId show the posts listed after this one (paging: the last id of the previous page)
 */
public record InboxFilter(Long brandId, Long channelId, Long beforeId, int limit) {

    public InboxFilter {
        limit = limit <= 0 ? 50 : Math.min(limit, 200);
    }

    public static InboxFilter latest() {
        return new InboxFilter(null, null, null, 50);
    }
}
