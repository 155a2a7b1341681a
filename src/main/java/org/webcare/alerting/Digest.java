package org.webcare.alerting;

import java.util.List;

/**
 * What one alert message says, ready to render as e-mail or chat message. Post texts are plain text from outside
 * and must be escaped by whatever renders them.
 *
 * @param subject one line, e.g. {@code [Webcare] 12 new posts for "Storing" (14:00–15:00)}
 * @param heading the same without the {@code [Webcare]} prefix
 * @param crisis what raised a crisis alert, or {@code null} for matches
 * @param sections the posts, grouped by query (or the crisis's driving posts)
 */
record Digest(String subject, String heading, String windowLabel, Crisis crisis, List<Section> sections, int totalPosts,
              String webcareUrl) {

    /** @param more posts of this section that were not listed */
    record Section(String title, String link, List<Entry> entries, int more) {
    }

    record Entry(String author, String text, String time, String link) {
    }

    record Crisis(String scopeName, String kind, String reason, String liveViewUrl) {
    }
}
