package org.webcare.channel.connectors.rss;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;
import org.webcare.channel.ConnectorException;

/**
 * Reads an RSS (0.9x, 1.0, 2.0) or Atom (0.3, 1.0) document into {@link Item}s, tolerantly: the encoding is detected
 * from the HTTP header, the byte order mark and the XML prolog (wrong declarations are corrected where they can be), HTML
 * entities are accepted, and an ill-formed document is repaired once before it is given up as not a feed. No network
 * access (external DTDs and entities are never loaded). Thread-safe.
 */
final class FeedParser {

    /** One feed: its title, the character encoding it was read in, and its items in document order. */
    record Feed(String title, String encoding, List<Item> items) {
    }

    /**
     * One item, as plain text.
     *
     * @param id the item's guid or id, else its link, else a hash of its title and content; never {@code null}
     * @param link absolute, or {@code null}
     * @param author its author's name or e-mail, or {@code null}
     * @param published when it was published (else updated), or {@code null} when the feed does not say
     */
    record Item(String id, String title, String summary, String link, String author, Instant published) {
    }

    private static final java.nio.charset.Charset WINDOWS_1252 = java.nio.charset.Charset.forName("windows-1252");

    Feed parse(byte[] body, String contentType, URI base) throws ConnectorException.Permanent {
        String encoding;
        String xml;
        try (XmlReader reader = contentType == null
                ? new XmlReader(new ByteArrayInputStream(body), true)
                : new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            encoding = reader.getEncoding();
            java.io.StringWriter chars = new java.io.StringWriter(body.length);
            reader.transferTo(chars);
            xml = windows1252Controls(chars.toString());
        } catch (IOException e) {
            throw new ConnectorException.Permanent("the document at '" + base + "' cannot be read as XML: " + e.getMessage(), e);
        }
        xml = xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
        SyndFeed feed;
        try {
            feed = input().build(new StringReader(xml));
        } catch (FeedException | IllegalArgumentException first) {
            try {
                feed = input().build(new StringReader(repaired(xml, base)));
            } catch (FeedException | IllegalArgumentException second) {
                throw new ConnectorException.Permanent("'" + base + "' is not an RSS or Atom feed (" + reason(first) + ")", first);
            }
        }
        return new Feed(oneLine(PlainText.ofHtml(feed.getTitle())), encoding, items(feed, base));
    }

    /**
     * C1 control characters never belong in a feed's text; they are Windows-1252 punctuation (curly quotes, dashes)
     * that was decoded as Latin-1 or re-encoded as if it were, so they are read as Windows-1252.
     */
    static String windows1252Controls(String text) {
        StringBuilder fixed = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && c <= 0x9f) {
                if (fixed == null) {
                    fixed = new StringBuilder(text.length()).append(text, 0, i);
                }
                String mapped = new String(new byte[] {(byte) c}, WINDOWS_1252);
                fixed.append(mapped.charAt(0) == '\uFFFD' ? c : mapped.charAt(0));
            } else if (fixed != null) {
                fixed.append(c);
            }
        }
        return fixed == null ? text : fixed.toString();
    }

    private static SyndFeedInput input() {
        SyndFeedInput input = new SyndFeedInput(false, Locale.ROOT);
        // External DTDs and entities stay off (ROME's default); a DOCTYPE line itself is common in RSS 0.91.
        input.setAllowDoctypes(true);
        input.setXmlHealerOn(true);
        input.setPreserveWireFeed(false);
        return input;
    }

    /** The document through jsoup's forgiving XML parser: unclosed tags closed, stray ampersands escaped. */
    private static String repaired(String xml, URI base) {
        Document document = Jsoup.parse(xml, base == null ? "" : base.toString(), Parser.xmlParser());
        document.childNodes().stream()
                .filter(node -> node instanceof org.jsoup.nodes.DocumentType || node instanceof org.jsoup.nodes.XmlDeclaration)
                .toList().forEach(org.jsoup.nodes.Node::remove);
        document.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .charset(StandardCharsets.UTF_8).prettyPrint(false);
        return document.outerHtml();
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    private static List<Item> items(SyndFeed feed, URI base) {
        List<Item> items = new ArrayList<>(feed.getEntries().size());
        for (SyndEntry entry : feed.getEntries()) {
            String title = oneLine(text(entry.getTitleEx(), entry.getTitle()));
            String summary = summary(entry);
            String link = link(entry, base);
            // Without a guid ROME takes the link as written, which may be a relative path: the resolved one is stabler.
            String id = entry.getUri() != null && entry.getUri().equals(entry.getLink()) && entry.getUri().contains("/") && link != null
                    ? link : firstNonBlank(entry.getUri(), link);
            if (id == null) {
                id = "sha256:" + sha256((title == null ? "" : title) + "\n" + (summary == null ? "" : summary));
            }
            java.util.Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
            items.add(new Item(id.strip(), title, summary, link, author(entry, feed), date == null ? null : date.toInstant()));
        }
        return items;
    }

    private static String summary(SyndEntry entry) {
        List<String> parts = new ArrayList<>();
        for (SyndContent content : entry.getContents()) {
            String text = text(content, null);
            if (text != null && !text.isBlank()) {
                parts.add(text);
            }
        }
        if (parts.isEmpty()) {
            String description = text(entry.getDescription(), null);
            return description == null || description.isBlank() ? null : description;
        }
        return String.join("\n\n", parts);
    }

    private static String text(SyndContent content, String fallback) {
        if (content == null || content.getValue() == null) {
            return PlainText.ofHtml(fallback);
        }
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        return type.equals("text") || type.equals("text/plain") ? PlainText.ofText(content.getValue()) : PlainText.ofHtml(content.getValue());
    }

    private static String link(SyndEntry entry, URI base) {
        String link = entry.getLink();
        if (link != null && link.equals(entry.getUri()) && !link.contains("/")) {
            // ROME copies a guid into the link (isPermaLink defaults to true), also when the guid is no URL at all.
            link = null;
        }
        if (link == null || link.isBlank()) {
            for (SyndLink candidate : entry.getLinks()) {
                if (candidate.getHref() != null && (candidate.getRel() == null || candidate.getRel().equals("alternate"))) {
                    link = candidate.getHref();
                    break;
                }
            }
        }
        return absolute(link, base);
    }

    /** The link resolved against the feed's address; an unreadable or non-web link is dropped. */
    static String absolute(String link, URI base) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(link.strip().replace(" ", "%20"));
            if (!uri.isAbsolute() && base != null) {
                uri = base.resolve(uri);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? uri.toString() : null;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String author(SyndEntry entry, SyndFeed feed) {
        String author = firstNonBlank(entry.getAuthor(), name(entry.getAuthors()));
        if (author == null) {
            author = firstNonBlank(feed.getAuthor(), name(feed.getAuthors()));
        }
        return author == null ? null : oneLine(PlainText.ofHtml(author));
    }

    private static String name(List<SyndPerson> people) {
        for (SyndPerson person : people) {
            String name = firstNonBlank(person.getName(), person.getEmail());
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.isEmpty() ? null : line;
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
