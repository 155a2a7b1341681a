package org.webcare.links;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rewrites the links of an outgoing reply to short links and follows short links back, counting the visit.
 * A reply's links are rewritten in the transaction that queues it, so a reply that is never sent leaves no link behind.
 */
@Service
public class TrackedLinks {

    // Written out rather than taken from a URL library: what matters is where a link ends in running text, which
    // libraries that parse a given URL do not answer. Quotes, angle brackets and white space never belong to a link.
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"'`\\u00A0\\u2028\\u2029]+", Pattern.CASE_INSENSITIVE);
    private static final String TRAILING = ".,;:!?*";
    static final int MAX_URL_LENGTH = 2_000;
    // No look-alikes (0/O, 1/l/I): short links get read aloud and typed over from screenshots.
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    static final int CODE_LENGTH = 8;
    static final Pattern CODE = Pattern.compile("[" + ALPHABET + "]{" + CODE_LENGTH + "}");

    private final JdbcClient jdbc;
    private final LinkSettings settings;
    private final ZoneId zone;
    private final SecureRandom random = new SecureRandom();

    TrackedLinks(JdbcClient jdbc, LinkSettings settings, @Value("${webcare.time-zone:Europe/Amsterdam}") String zone) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.zone = ZoneId.of(zone);
    }

    /** The http(s) links in a text, in order, without the punctuation that ends the sentence around them. */
    public static List<String> linksIn(String text) {
        List<String> links = new ArrayList<>();
        if (text == null) {
            return links;
        }
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            links.add(trim(matcher.group()));
        }
        return links;
    }

    /**
     * The reply text with each web link replaced by a new short link counted for the origin's brand, channel and (when
     * a template's text holds the same link) template. Text without links, links to Webcare itself and links that
     * are not valid web addresses are left as they are; with tracking switched off the text is returned unchanged.
     */
    @Transactional
    public String track(String text, LinkOrigin origin) {
        if (!settings.enabled() || text == null || !text.toLowerCase(Locale.ROOT).contains("http")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        Matcher matcher = LINK.matcher(text);
        int last = 0;
        while (matcher.find()) {
            String link = trim(matcher.group());
            int end = matcher.start() + link.length();
            out.append(text, last, matcher.start());
            out.append(trackable(link) ? shorten(link, origin) : link);
            last = end;
        }
        out.append(text, last, text.length());
        return out.toString();
    }

    /**
     * Where a short link leads, counting the visit for today (a platform's link preview is counted as a preview, not
     * a click). Empty for codes that were never made.
     */
    @Transactional
    public Optional<String> follow(String code, boolean preview) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        with link as (select id, target_url from tracked_link where code = :code),
                        counted as (
                            insert into tracked_link_click (link_id, day, clicks, previews)
                            select id, :day, :clicks, :previews from link
                            on conflict (link_id, day) do update
                            set clicks = tracked_link_click.clicks + excluded.clicks,
                                previews = tracked_link_click.previews + excluded.previews)
                        select target_url from link""")
                .param("code", code).param("day", LocalDate.now(zone))
                .param("clicks", preview ? 0 : 1).param("previews", preview ? 1 : 0)
                .query(String.class).optional();
    }

    /** Where a short link leads, without counting: for showing a link in reports. */
    public Optional<String> target(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("select target_url from tracked_link where code = ?").param(code).query(String.class).optional();
    }

    private boolean trackable(String link) {
        if (link.length() > MAX_URL_LENGTH || settings.isOwn(link)) {
            return false;
        }
        try {
            URI uri = new URI(link);
            return uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private String shorten(String link, LinkOrigin origin) {
        LinkOrigin.SourceTemplate template = origin.templates().stream()
                .filter(t -> linksIn(t.text()).contains(link)).findFirst().orElse(null);
        while (true) {
            String code = newCode();
            Optional<Long> id = jdbc.sql("""
                            insert into tracked_link (code, target_url, brand_id, channel_id, template_id, template_name)
                            values (?, ?, ?, ?, ?, ?) on conflict (code) do nothing returning id""")
                    .params(code, link, origin.brandId(), origin.channelId(),
                            template == null ? null : template.id(), template == null ? null : template.name())
                    .query(Long.class).optional();
            if (id.isPresent()) {
                return settings.shortLink(code);
            }
            // A code already in use (about one in 10^13 per link made): draw another.
        }
    }

    private String newCode() {
        char[] code = new char[CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** A link at the end of a sentence or in brackets ends before the full stop or the closing bracket. */
    static String trim(String link) {
        String trimmed = link;
        boolean changed = true;
        while (changed && !trimmed.isEmpty()) {
            changed = false;
            char last = trimmed.charAt(trimmed.length() - 1);
            if (TRAILING.indexOf(last) >= 0) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
                changed = true;
            } else if (closes(last) && count(trimmed, opener(last)) < count(trimmed, last)) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
                changed = true;
            }
        }
        return trimmed;
    }

    private static boolean closes(char c) {
        return c == ')' || c == ']' || c == '}';
    }

    private static char opener(char c) {
        return c == ')' ? '(' : c == ']' ? '[' : '{';
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }
}
