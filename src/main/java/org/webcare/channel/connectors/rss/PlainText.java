package org.webcare.channel.connectors.rss;

import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Feed HTML (titles, summaries, content) as plain text: tags and scripts gone, entities decoded, paragraphs kept. */
final class PlainText {

    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\u00a0]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n\\s*(\\n\\s*)+");
    private static final Pattern SPACE_AROUND_NEWLINE = Pattern.compile(" *\\n *");

    private PlainText() {
    }

    /** Text that may hold HTML; {@code null} stays {@code null}. */
    static String ofHtml(String html) {
        if (html == null) {
            return null;
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return tidy(html);
        }
        Document document = Jsoup.parseBodyFragment(html);
        document.select("script, style, noscript, template, iframe, object").remove();
        StringBuilder text = new StringBuilder(html.length());
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.text());
                } else if (node instanceof Element element && element.nameIs("br")) {
                    text.append('\n');
                } else if (node instanceof Element element && element.isBlock()) {
                    text.append("\n\n");
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock() && !element.nameIs("br")) {
                    text.append("\n\n");
                }
            }
        }, document.body());
        return tidy(text.toString());
    }

    /** Plain text (an Atom {@code type="text"} construct): only whitespace is tidied. */
    static String ofText(String text) {
        return text == null ? null : tidy(text);
    }

    private static String tidy(String text) {
        String spaced = SPACES.matcher(text).replaceAll(" ");
        spaced = SPACE_AROUND_NEWLINE.matcher(spaced).replaceAll("\n");
        return BLANK_LINES.matcher(spaced).replaceAll("\n\n").strip();
    }
}
