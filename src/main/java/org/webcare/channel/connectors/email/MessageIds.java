package org.webcare.channel.connectors.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message-IDs as Webcare stores them: without angle brackets and white space, so {@code <abc@x>} and
 * {@code  <abc@x> } are one post. Headers carry them in brackets again.
 */
final class MessageIds {

    private static final Pattern BRACKETED = Pattern.compile("<([^<>]+)>");

    private MessageIds() {
    }

    /** The first id in a header value, or {@code null}. */
    static String normalise(String header) {
        List<String> all = all(header);
        return all.isEmpty() ? null : all.getFirst();
    }

    /** Every id in a header value such as {@code References}, in order. */
    static List<String> all(String header) {
        List<String> ids = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return ids;
        }
        Matcher matcher = BRACKETED.matcher(header);
        while (matcher.find()) {
            String id = matcher.group(1).replaceAll("\\s", "");
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            for (String token : header.strip().split("\\s+")) {
                if (!token.isEmpty()) {
                    ids.add(token);
                }
            }
        }
        return ids;
    }

    static String bracketed(String id) {
        return "<" + id + ">";
    }
}
