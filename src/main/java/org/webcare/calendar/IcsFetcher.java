package org.webcare.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.webcare.channel.ConnectorException;
import org.webcare.channel.OutboundGuard;

/**
 * Fetches an iCalendar file from a URL a team lead gave. Every request and every redirect is checked by the
 * {@link OutboundGuard} first, so the server is not made to read internal addresses for whoever types them.
 */
@Component
class IcsFetcher {

    private static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final int MAX_REDIRECTS = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final OutboundGuard guard;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    IcsFetcher(OutboundGuard guard) {
        this.guard = guard;
    }

    String fetch(String url) {
        URI target;
        try {
            target = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url: '" + url + "' is not a URL");
        }
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            check(target);
            HttpResponse<InputStream> response = send(target);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                close(response.body());
                try {
                    target = target.resolve(new URI(response.headers().firstValue("Location").get().strip()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new IllegalArgumentException("url: '" + target + "' redirects to an invalid URL");
                }
                continue;
            }
            if (status < 200 || status >= 300) {
                close(response.body());
                throw new IllegalArgumentException("url: '" + target + "' answered HTTP " + status);
            }
            try (InputStream in = response.body()) {
                byte[] body = in.readNBytes(MAX_BYTES + 1);
                if (body.length > MAX_BYTES) {
                    throw new IllegalArgumentException("url: '" + target + "' is larger than " + MAX_BYTES / 1024 + " KiB");
                }
                return new String(body, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("url: reading '" + target + "' failed: " + e.getMessage());
            }
        }
        throw new IllegalArgumentException("url: more than " + MAX_REDIRECTS + " redirects");
    }

    private void check(URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || target.getHost() == null) {
            throw new IllegalArgumentException("url: '" + target + "' is not an http or https URL");
        }
        try {
            guard.check(target);
        } catch (ConnectorException e) {
            throw new IllegalArgumentException("url: " + e.getMessage());
        }
    }

    private HttpResponse<InputStream> send(URI target) {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(TIMEOUT).header("Accept", "text/calendar").GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new IllegalArgumentException("url: fetching '" + target + "' failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("url: interrupted while fetching '" + target + "'");
        }
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // Nothing more to read from it either way.
        }
    }
}
