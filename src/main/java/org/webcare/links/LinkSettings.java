package org.webcare.links;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether links are tracked and the address short links start with: {@code webcare.links.base-url}, else
 * {@code webcare.public-url}, else the local server (only useful on a test machine: customers must be able to reach it).
 */
@Component
class LinkSettings {

    private final boolean enabled;
    private final String configuredBase;
    private final String publicUrl;
    private final Environment environment;

    LinkSettings(@Value("${webcare.links.enabled:true}") boolean enabled,
                 @Value("${webcare.links.base-url:}") String configuredBase,
                 @Value("${webcare.public-url:}") String publicUrl, Environment environment) {
        this.enabled = enabled;
        this.configuredBase = strip(configuredBase);
        this.publicUrl = strip(publicUrl);
        this.environment = environment;
        if (!this.configuredBase.isEmpty()) {
            URI uri = URI.create(this.configuredBase);
            if (uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                throw new IllegalStateException("webcare.links.base-url: must be an http(s) address such as https://go.example.nl, got "
                        + configuredBase);
            }
        }
    }

    private static String strip(String url) {
        return url == null ? "" : url.strip().replaceAll("/+$", "");
    }

    boolean enabled() {
        return enabled;
    }

    /** The short link of a code, e.g. {@code https://webcare.example.nl/l/Ab3dE6gH}. */
    String shortLink(String code) {
        return base() + "/l/" + code;
    }

    String base() {
        if (!configuredBase.isEmpty()) {
            return configuredBase;
        }
        if (!publicUrl.isEmpty()) {
            return publicUrl;
        }
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    /** Links to Webcare itself (survey pages, short links already made) are left as they are. */
    boolean isOwn(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith(base().toLowerCase(java.util.Locale.ROOT) + "/")
                || (!publicUrl.isEmpty() && lower.startsWith(publicUrl.toLowerCase(java.util.Locale.ROOT) + "/"));
    }
}
