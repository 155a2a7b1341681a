package org.webcare.channel.connectors.email;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an HTML mail into plain text with its line structure, after removing what clients mark as quoted or as
 * signature: {@code <blockquote>}, Gmail's {@code gmail_quote} and {@code gmail_signature}, Outlook's
 * {@code divRplyFwdMsg} and {@code appendonsend} (with everything after them), Thunderbird's {@code moz-cite-prefix},
 * Yahoo's {@code yahoo_quoted}.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "tr", "table", "ul", "ol", "h1", "h2", "h3",
            "h4", "h5", "h6", "pre", "address", "section", "article", "header", "footer", "hr");

    private HtmlText() {
    }

    static String toText(String html) {
        Document document = Jsoup.parse(html);
        document.select("head, style, script, title, blockquote, .gmail_quote, .gmail_signature, .moz-cite-prefix, "
                + ".yahoo_quoted, img").remove();
        for (Element marker : document.select("#divRplyFwdMsg, #appendonsend")) {
            removeWithFollowing(marker);
        }
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    String words = textNode.text().replace('\u00a0', ' ');
                    if (!words.isBlank() || (!text.isEmpty() && text.charAt(text.length() - 1) != '\n')) {
                        text.append(words);
                    }
                } else if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("br")) {
                        text.append('\n');
                    } else if (BLOCKS.contains(tag)) {
                        newLine(text);
                        if (tag.equals("li")) {
                            text.append("- ");
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    newLine(text);
                    if (element.normalName().equals("p")) {
                        text.append('\n');
                    }
                }
            }
        }, document.body());
        return text.toString().lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("")
                .replaceAll("\n{3,}", "\n\n").strip();
    }

    private static void newLine(StringBuilder text) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }

    /** Outlook puts the quoted mail after its marker, as siblings of the marker and of its ancestors. */
    private static void removeWithFollowing(Element marker) {
        if (marker.parent() == null) {
            return;
        }
        for (Element current = marker; current != null && !current.normalName().equals("body"); current = current.parent()) {
            Element sibling = current.nextElementSibling();
            while (sibling != null) {
                Element next = sibling.nextElementSibling();
                sibling.remove();
                sibling = next;
            }
        }
        marker.remove();
    }
}
