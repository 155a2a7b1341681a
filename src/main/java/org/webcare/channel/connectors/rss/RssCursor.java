package org.webcare.channel.connectors.rss;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a feed was left: the validators for a conditional GET and short hashes of the item ids already delivered
 * (newest first, bounded), because a feed has no position to resume from, only items that come and go.
 */
record RssCursor(String etag, String lastModified, List<String> seen) {

    /** Enough for the busiest feeds; a hash is 16 characters, so the cursor stays under about 200 KB. */
    static final int MAX_SEEN = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    RssCursor {
        seen = seen == null ? List.of() : List.copyOf(seen);
    }

    static final RssCursor START = new RssCursor(null, null, List.of());

    /** An unreadable cursor starts afresh: at worst items are delivered again, and intake stores each once. */
    static RssCursor read(String json) {
        if (json == null || json.isBlank()) {
            return START;
        }
        try {
            RssCursor cursor = JSON.readValue(json, RssCursor.class);
            return cursor == null ? START : cursor;
        } catch (JacksonException e) {
            return START;
        }
    }

    String write() {
        return JSON.writeValueAsString(this);
    }

    static String key(String itemId) {
        return FeedParser.sha256(itemId);
    }

    /**
     * The cursor after a fetch: the ids in the feed now, then the ones remembered before, up to the bound (a feed's
     * own items always fit up to {@link #MAX_SEEN}, so an item still in the feed is never forgotten and delivered again).
     */
    RssCursor after(String newEtag, String newLastModified, List<String> currentKeys) {
        Set<String> keys = new LinkedHashSet<>(currentKeys);
        int keep = Math.min(MAX_SEEN, Math.max(keys.size() + 200, 500));
        for (String key : seen) {
            if (keys.size() >= keep) {
                break;
            }
            keys.add(key);
        }
        return new RssCursor(newEtag, newLastModified, new ArrayList<>(keys).subList(0, Math.min(keys.size(), MAX_SEEN)));
    }
}
