package org.webcare.channel.connectors.mastodon;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.webcare.channel.ConnectorException;
import org.webcare.channel.OutboundGuard;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to one Mastodon instance with the brand account's token: asks the {@link OutboundGuard} before every request,
 * follows no redirects, reads bounded bodies, and turns every failure into a transient or permanent
 * {@link ConnectorException}. Thread-safe.
 */
final class MastodonClient {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final int MAX_REASON_LENGTH = 200;
    private static final Duration LONGEST_WAIT = Duration.ofHours(24);
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile("rel\\s*=\\s*\"?([^\";,]+)\"?", Pattern.CASE_INSENSITIVE);

    private final HttpClient http;
    private final Duration timeout;
    private final OutboundGuard guard;
    private final Clock clock;
    private final URI instance;
    private final String accessToken;

    MastodonClient(HttpClient http, Duration timeout, OutboundGuard guard, Clock clock, URI instance, String accessToken) {
        this.http = http;
        this.timeout = timeout;
        this.guard = guard;
        this.clock = clock;
        this.instance = instance;
        this.accessToken = accessToken;
    }

    /** A successful answer: its JSON and its {@code Link} header's targets by relation ({@code next}, {@code prev}). */
    record Response(JsonNode json, Map<String, URI> links) {
    }

    /**
     * What a request is for, for the messages of its failures.
     *
     * @param what a gerund phrase: "reading the brand account's mentions"
     * @param scope the OAuth scope the request needs
     * @param notFound what a 404 means for this request
     */
    record Purpose(String what, String scope, String notFound) {
    }

    URI instance() {
        return instance;
    }

    /** The instance's address for {@code path} (which starts with a slash and is already encoded). */
    URI resolve(String path) {
        return URI.create(instance + path);
    }

    /** Whether {@code uri} is on this instance, so the access token may go there. */
    boolean isOnInstance(URI uri) {
        return uri != null && uri.isAbsolute()
                && instance.getScheme().equalsIgnoreCase(uri.getScheme())
                && instance.getHost().equalsIgnoreCase(uri.getHost())
                && port(instance) == port(uri)
                && uri.getRawUserInfo() == null
                && uri.getRawPath() != null && uri.getRawPath().startsWith(instance.getRawPath() + "/api/");
    }

    Response get(URI uri, Purpose purpose) throws ConnectorException {
        return send(request(uri).GET().build(), purpose);
    }

    Response post(URI uri, JsonNode body, String idempotencyKey, Purpose purpose) throws ConnectorException {
        HttpRequest.Builder request = request(uri)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build(), purpose);
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", "Webcare")
                .header("Authorization", "Bearer " + accessToken);
    }

    private Response send(HttpRequest request, Purpose purpose) throws ConnectorException {
        if (!isOnInstance(request.uri())) {
            throw new ConnectorException.Permanent("Refusing to send the access token of " + instance + " to " + request.uri());
        }
        guard.check(request.uri());
        HttpResponse<InputStream> response;
        byte[] body;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
        } catch (HttpTimeoutException e) {
            throw new ConnectorException.Transient(instance.getHost() + " did not answer within " + timeout.toSeconds()
                    + " s while " + purpose.what(), null, e);
        } catch (ConnectException e) {
            throw new ConnectorException.Transient("Could not connect to " + instance.getHost() + " while " + purpose.what()
                    + ": " + describe(e), null, e);
        } catch (IOException e) {
            throw new ConnectorException.Transient("Lost the connection to " + instance.getHost() + " while " + purpose.what()
                    + ": " + describe(e), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException.Transient("Interrupted while " + purpose.what());
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            if (body.length > MAX_BODY_BYTES) {
                throw new ConnectorException.Permanent(instance.getHost() + " sent more than " + MAX_BODY_BYTES / 1024 / 1024
                        + " MB while " + purpose.what());
            }
            return new Response(json(body, purpose), links(response.headers().allValues("Link")));
        }
        throw failure(status, response.headers(), body, purpose);
    }

    private JsonNode json(byte[] body, Purpose purpose) throws ConnectorException {
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw new ConnectorException.Permanent(instance + " sent an empty answer while " + purpose.what());
            }
            return json;
        } catch (JacksonException e) {
            throw new ConnectorException.Permanent(instance + " did not answer with Mastodon's JSON while " + purpose.what()
                    + ": is it a Mastodon instance?", e);
        }
    }

    private ConnectorException failure(int status, HttpHeaders headers, byte[] body, Purpose purpose) {
        String reason = "HTTP " + status + reason(body);
        if (status == 429) {
            Duration wait = retryAfter(headers).orElse(null);
            return new ConnectorException.Transient(instance.getHost() + " rate-limited the brand account while " + purpose.what()
                    + " (" + reason + ")" + (wait == null ? "" : "; it allows requests again in " + wait.toSeconds() + " s"), wait, null);
        }
        if (status >= 500 || status == 408 || status == 425) {
            return new ConnectorException.Transient(instance.getHost() + " failed while " + purpose.what() + " (" + reason + ")",
                    retryAfter(headers).orElse(null), null);
        }
        if (status == 401 || status == 403) {
            return new ConnectorException.Permanent(instance.getHost() + " refused the access token while " + purpose.what()
                    + " (" + reason + "): the access token is invalid or lacks the scope " + purpose.scope());
        }
        if (status == 404 || status == 410) {
            return new ConnectorException.Permanent("Not found while " + purpose.what() + " (" + reason + "): " + purpose.notFound());
        }
        if (status >= 300 && status < 400) {
            return new ConnectorException.Permanent(instance + " redirects to " + headers.firstValue("Location").orElse("elsewhere")
                    + " while " + purpose.what() + ": set the instance to the address it answers on");
        }
        return new ConnectorException.Permanent(instance.getHost() + " refused " + purpose.what() + " (" + reason + ")");
    }

    /** {@code Retry-After} (seconds or an HTTP date), else Mastodon's {@code X-RateLimit-Reset} (an ISO 8601 time). */
    Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<Duration> retryAfter = headers.firstValue("Retry-After").map(String::strip).flatMap(value -> {
            if (value.matches("\\d{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            try {
                return Optional.of(until(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
        if (retryAfter.isPresent()) {
            return retryAfter;
        }
        return headers.firstValue("X-RateLimit-Reset").map(String::strip).flatMap(value -> {
            try {
                return Optional.of(until(OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    private Duration until(Instant when) {
        Duration wait = Duration.between(clock.instant(), when);
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** The targets of a {@code Link} header by relation: {@code <https://…?max_id=1>; rel="next", <…>; rel="prev"}. */
    static Map<String, URI> links(Iterable<String> headerValues) {
        Map<String, URI> links = new HashMap<>();
        for (String value : headerValues) {
            Matcher link = LINK.matcher(value);
            while (link.find()) {
                Matcher rel = REL.matcher(link.group(2));
                if (!rel.find()) {
                    continue;
                }
                try {
                    URI target = URI.create(link.group(1).strip());
                    for (String relation : rel.group(1).strip().split("\\s+")) {
                        links.putIfAbsent(relation.toLowerCase(Locale.ROOT), target);
                    }
                } catch (IllegalArgumentException e) {
                    // A target that is no URI is no link to follow; the caller pages on by id instead.
                }
            }
        }
        return links;
    }

    private static String reason(byte[] body) {
        String text;
        try {
            JsonNode json = JSON.readTree(body);
            text = json != null && json.path("error").isString() ? json.path("error").stringValue() : null;
        } catch (JacksonException e) {
            text = null;
        }
        if (text == null || text.isBlank()) {
            return "";
        }
        text = text.replaceAll("\\p{Cntrl}", " ").strip();
        return ": " + (text.length() > MAX_REASON_LENGTH ? text.substring(0, MAX_REASON_LENGTH) + "…" : text);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
