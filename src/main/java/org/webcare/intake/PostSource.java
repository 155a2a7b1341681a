package org.webcare.intake;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Where a post can be read on the web: its URL, checked, and the site it is on. */
final class PostSource {

    static final int MAX_URL_LENGTH = 2_048;

    private PostSource() {
    }

    /**
     * The host of a post's URL without {@code www.}, lower case, e.g. {@code forum.tweakers.net}; {@code null} without
     * a URL.
     *
     * @throws InvalidPostException when the URL is not an absolute http(s) URL with a host
     */
    static String site(String url) {
        if (url == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidPostException("url", "is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidPostException("url", "must be an http or https URL, got '" + truncate(url) + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidPostException("url", "has no host: '" + truncate(url) + "'");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static String truncate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }
}
