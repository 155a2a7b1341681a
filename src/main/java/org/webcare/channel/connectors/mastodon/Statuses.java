package org.webcare.channel.connectors.mastodon;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.webcare.channel.ReceivedPost;
import org.webcare.shared.Visibility;

import tools.jackson.databind.JsonNode;

/** Reads Mastodon's Status entity into a {@link ReceivedPost}, its HTML content into plain text with line breaks. */
final class Statuses {

    private static final Set<String> BLOCKS = Set.of("p", "div", "blockquote", "pre", "ul", "ol", "li",
            "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr");
    private static final Pattern SPACES_BEFORE_NEWLINE = Pattern.compile("[ \\t]+\\n");
    private static final Pattern MANY_NEWLINES = Pattern.compile("\\n{3,}");

    private Statuses() {
    }

    /**
     * @return the post, or {@code null} for a status Webcare cannot use (no id, no author)
     */
    static ReceivedPost toPost(JsonNode status, boolean toBrand) {
        String id = text(status.path("id"));
        JsonNode account = status.path("account");
        String acct = text(account.path("acct"));
        if (id == null || acct == null) {
            return null;
        }
        String displayName = text(account.path("display_name"));
        String url = text(status.path("url"));
        String spoiler = text(status.path("spoiler_text"));
        JsonNode followers = account.path("followers_count");
        return new ReceivedPost(
                id,
                "@" + acct,
                displayName != null ? displayName : text(account.path("username")),
                plainText(text(status.path("content"))),
                "direct".equals(text(status.path("visibility"))) ? Visibility.PRIVATE : Visibility.PUBLIC,
                createdAt(text(status.path("created_at"))),
                text(status.path("in_reply_to_id")),
                url != null ? url : text(status.path("uri")),
                followers.isNumber() ? followers.asLong() : null,
                toBrand,
                spoiler);
    }

    /**
     * Mastodon's HTML as the text a reader sees: paragraphs apart by an empty line, {@code <br>} as a line break,
     * links as their whole address (Mastodon hides parts of long links in invisible spans). Never fails: jsoup repairs
     * whatever markup arrives.
     */
    static String plainText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.getWholeText());
                } else if (node instanceof Element element) {
                    if (element.nameIs("br")) {
                        text.append('\n');
                    } else if (BLOCKS.contains(element.normalName())) {
                        paragraph(text);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    paragraph(text);
                }
            }
        }, Jsoup.parseBodyFragment(html).body());
        String plain = text.toString().replace('\u00A0', ' ').replace("\r\n", "\n").replace('\r', '\n');
        plain = SPACES_BEFORE_NEWLINE.matcher(plain).replaceAll("\n");
        return MANY_NEWLINES.matcher(plain).replaceAll("\n\n").strip();
    }

    private static void paragraph(StringBuilder text) {
        if (text.isEmpty()) {
            return;
        }
        int trailing = 0;
        for (int i = text.length() - 1; i >= 0 && text.charAt(i) == '\n'; i--) {
            trailing++;
        }
        text.append("\n".repeat(Math.max(0, 2 - trailing)));
    }

    private static Instant createdAt(String value) {
        if (value == null) {
            return Instant.now();
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }

    /** A JSON string's value, or {@code null} when it is missing, null, not a string or blank. */
    static String text(JsonNode node) {
        if (node == null || !node.isString()) {
            return null;
        }
        String value = node.stringValue();
        return value.isBlank() ? null : value;
    }
}
