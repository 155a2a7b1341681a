package org.webcare.channel.connectors.rss;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import org.webcare.channel.ConnectorException;
import org.webcare.channel.OutboundGuard;

/**
 * Fetches a feed over HTTP: conditional GET, redirects followed by hand with the guard asked before every hop, a size
 * cap on the decoded body and time limits on connecting, waiting for the answer and reading it. Thread-safe.
 */
final class FeedFetcher {

    static final int MAX_REDIRECTS = 5;
    static final String USER_AGENT = "Webcare/1.0 (RSS/Atom listening source; self-hosted)";
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9,"
            + " application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";

    private final HttpClient client;
    private final OutboundGuard guard;
    private final Limits limits;
    private final Clock clock;

    /**
     * @param maxBytes the largest body read, after decompression
     * @param answerTimeout how long to wait for the status line and headers
     * @param readTimeout how long reading the whole body may take
     */
    record Limits(long maxBytes, Duration connectTimeout, Duration answerTimeout, Duration readTimeout) {

        static final Limits DEFAULT = new Limits(5L * 1024 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(60));
    }

    /** A fetched body, or {@code notModified}; {@code uri} is where it was found after redirects. */
    record Fetched(boolean notModified, byte[] body, String contentType, URI uri, String etag, String lastModified) {
    }

    FeedFetcher(OutboundGuard guard, Limits limits, Clock clock) {
        this.guard = guard;
        this.limits = limits;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Fetched fetch(URI url, String etag, String lastModified) throws ConnectorException {
        URI current = url;
        for (int hop = 0; ; hop++) {
            check(current);
            HttpRequest.Builder request = HttpRequest.newBuilder(current)
                    .timeout(limits.answerTimeout())
                    .header("User-Agent", USER_AGENT)
                    .header("Accept", ACCEPT)
                    .header("Accept-Encoding", "gzip, deflate");
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
            HttpResponse<InputStream> response = send(current, request.GET().build());
            int status = response.statusCode();
            if (REDIRECTS.contains(status)) {
                close(response.body());
                if (hop == MAX_REDIRECTS) {
                    throw new ConnectorException.Permanent("'" + url + "' redirects more than " + MAX_REDIRECTS + " times");
                }
                URI from = current;
                String location = response.headers().firstValue("Location").orElseThrow(() -> new ConnectorException.Permanent(
                        "'" + from + "' answered " + status + " without saying where to"));
                current = next(current, location);
                continue;
            }
            if (status == 304) {
                close(response.body());
                return new Fetched(true, null, null, current, etag, lastModified);
            }
            if (status >= 200 && status < 300) {
                byte[] body = read(current, response);
                return new Fetched(false, body, response.headers().firstValue("Content-Type").orElse(null), current,
                        response.headers().firstValue("ETag").orElse(null),
                        response.headers().firstValue("Last-Modified").orElse(null));
            }
            close(response.body());
            throw failure(current, status, response.headers().firstValue("Retry-After").orElse(null));
        }
    }

    private void check(URI target) throws ConnectorException {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ConnectorException.Permanent("'" + target + "' is not an http or https URL");
        }
        if (target.getHost() == null) {
            throw new ConnectorException.Permanent("'" + target + "' names no host");
        }
        if (target.getRawUserInfo() != null) {
            throw new ConnectorException.Permanent("'" + target.getHost() + "': user names in feed URLs are not supported");
        }
        String host = target.getHost();
        try {
            // A failed lookup may pass later; the guard, which resolves again, only says yes or no for good.
            InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new ConnectorException.Transient("the host '" + host + "' cannot be resolved", null, e);
        }
        guard.check(target);
    }

    private static URI next(URI current, String location) throws ConnectorException.Permanent {
        try {
            return current.resolve(new URI(location.strip()));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new ConnectorException.Permanent("'" + current + "' redirects to an invalid URL: " + location, e);
        }
    }

    private HttpResponse<InputStream> send(URI target, HttpRequest request) throws ConnectorException.Transient {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new ConnectorException.Transient("'" + target.getHost() + "' did not answer in time", null, e);
        } catch (ConnectException e) {
            throw new ConnectorException.Transient("cannot connect to '" + target.getHost() + "'", null, e);
        } catch (IOException e) {
            throw new ConnectorException.Transient("fetching '" + target + "' failed: " + e, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException.Transient("interrupted while fetching '" + target + "'", null, e);
        }
    }

    private byte[] read(URI target, HttpResponse<InputStream> response) throws ConnectorException {
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
        InputStream raw = response.body();
        if (declared > limits.maxBytes() && encoding.equals("identity")) {
            close(raw);
            throw tooLarge(target);
        }
        // A server that sends slowly must not hold the poller: closing the stream ends a blocked read.
        CompletableFuture<Void> deadline = CompletableFuture.runAsync(() -> close(raw),
                CompletableFuture.delayedExecutor(limits.readTimeout().toMillis(), TimeUnit.MILLISECONDS));
        long started = System.nanoTime();
        try (InputStream in = decoded(raw, encoding)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) Math.min(declared, 1 << 20) : 64 * 1024);
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (out.size() > limits.maxBytes()) {
                    throw tooLarge(target);
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            if (System.nanoTime() - started >= limits.readTimeout().toNanos()) {
                throw new ConnectorException.Transient("reading '" + target + "' took longer than "
                        + limits.readTimeout().toSeconds() + " s", null, e);
            }
            throw new ConnectorException.Transient("reading '" + target + "' failed: " + e, null, e);
        } finally {
            deadline.cancel(false);
        }
    }

    private ConnectorException.Permanent tooLarge(URI target) {
        return new ConnectorException.Permanent("'" + target + "' is larger than " + limits.maxBytes() / 1024
                + " KiB, more than a feed should be");
    }

    private static InputStream decoded(InputStream raw, String encoding) throws IOException {
        return switch (encoding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(raw);
            case "deflate" -> new InflaterInputStream(raw);
            default -> raw;
        };
    }

    private ConnectorException failure(URI target, int status, String retryAfter) {
        String where = "'" + target + "' answered " + status;
        if (status == 429 || status == 408 || status >= 500) {
            return new ConnectorException.Transient(where + (status == 429 ? " (too many requests)" : ""), retryAfter(retryAfter), null);
        }
        return switch (status) {
            case 401, 403 -> new ConnectorException.Permanent(where + ": the feed is not public");
            case 404, 410 -> new ConnectorException.Permanent(where + ": there is no feed at this address (any more)");
            default -> new ConnectorException.Permanent(where);
        };
    }

    /** Seconds or an HTTP date; {@code null} when absent or unreadable. */
    Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(text));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            Duration wait = Duration.between(clock.instant(), ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
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
