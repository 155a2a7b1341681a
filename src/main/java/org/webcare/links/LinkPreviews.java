package org.webcare.links;

import java.util.List;
import java.util.Locale;

/**
 * Tells a platform fetching a link for its preview card from a person clicking it. X, Facebook, LinkedIn, WhatsApp
 * and chat apps fetch every link in a post as soon as it is posted; counted as clicks they would make every reply look
 * visited. The user agent is only looked at, never stored.
 */
final class LinkPreviews {

    private static final List<String> PREVIEWERS = List.of("twitterbot", "facebookexternalhit", "facebot", "linkedinbot",
            "whatsapp", "slackbot", "slack-imgproxy", "telegrambot", "discordbot", "skypeuripreview", "applebot",
            "googlebot", "bingbot", "pinterest", "redditbot", "embedly", "vkshare", "mastodon", "bot/", "crawler", "spider",
            "preview");

    private LinkPreviews() {
    }

    static boolean isPreview(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            // Browsers always say who they are; a bare request is a script.
            return true;
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        return PREVIEWERS.stream().anyMatch(agent::contains);
    }
}
