package org.webcare.alerting;

import java.util.Map;

import tools.jackson.databind.ObjectMapper;

/**
 * A {@link Digest} as the JSON that Slack's and Microsoft Teams' incoming webhooks both take: a top-level
 * {@code text}. Links are bare URLs, which both turn into links (Slack's {@code <url|label>} would show as raw text
 * in Teams). Slack treats {@code & < >} as control characters, so post text has them escaped: a post cannot ping
 * {@code <!channel>} or disguise a link.
 */
final class SlackMessage {

    private static final int MAX_ENTRIES = 20;
    private static final int MAX_TEXT = 280;

    private SlackMessage() {
    }

    static String json(Digest digest, ObjectMapper json) {
        return json.writeValueAsString(Map.of("text", text(digest)));
    }

    static String text(Digest digest) {
        StringBuilder text = new StringBuilder(escape(digest.heading())).append('\n');
        if (digest.crisis() != null) {
            text.append(escape(digest.crisis().kind())).append(": ").append(escape(digest.crisis().reason())).append('\n')
                    .append("Live view: ").append(digest.crisis().liveViewUrl()).append('\n');
        }
        int listed = 0;
        for (Digest.Section section : digest.sections()) {
            text.append('\n').append(escape(section.title())).append(": ").append(section.link()).append('\n');
            int left = section.entries().size() + section.more();
            for (Digest.Entry entry : section.entries()) {
                if (listed == MAX_ENTRIES) {
                    break;
                }
                String body = entry.text().replaceAll("\\s+", " ");
                body = body.length() > MAX_TEXT ? body.substring(0, MAX_TEXT) + "…" : body;
                text.append("• ").append(entry.time()).append(' ').append(escape(entry.author())).append(": ")
                        .append(escape(body)).append(' ').append(entry.link()).append('\n');
                listed++;
                left--;
            }
            if (left > 0) {
                text.append("… and ").append(left).append(" more\n");
            }
        }
        return text.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
