package org.webcare.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Delivers replies of API channels to the channel's callback URL as signed JSON. Redirects are not followed, so a
 * signed reply only ever reaches the URL the admin configured.
 */
@Component
class HttpCallbackSink implements ReplySink {

    private static final int MAX_REASON_LENGTH = 300;

    private final HttpClient client;
    private final Duration timeout;

    HttpCallbackSink(OutboxSettings settings) {
        this.timeout = settings.requestTimeout();
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public ChannelType type() {
        return ChannelType.API;
    }

    @Override
    public DeliveryOutcome deliver(Channel channel, String secret, String idempotencyKey, byte[] body) {
        if (channel.callbackUrl() == null) {
            return new DeliveryOutcome.Permanent("Channel has no callback URL configured");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(channel.callbackUrl()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Webcare")
                .header("Idempotency-Key", idempotencyKey)
                .header(Signatures.HEADER, Signatures.sign(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new DeliveryOutcome.Delivered();
            }
            String reason = "Callback answered HTTP " + status + excerpt(response.body());
            if (status == 408 || status == 425 || status == 429 || status >= 500) {
                return new DeliveryOutcome.Transient(reason, retryAfter(response).orElse(null));
            }
            return new DeliveryOutcome.Permanent(reason);
        } catch (HttpTimeoutException e) {
            return new DeliveryOutcome.Transient("Callback did not answer within " + timeout.toSeconds() + " s", null);
        } catch (IOException e) {
            return new DeliveryOutcome.Transient("Could not reach the callback: " + describe(e), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryOutcome.Transient("Interrupted while delivering", null);
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
            } catch (NumberFormatException e) {
                try {
                    var when = java.time.ZonedDateTime.parse(value.strip(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                    return Optional.of(Duration.between(java.time.Instant.now(), when.toInstant()));
                } catch (java.time.format.DateTimeParseException ignored) {
                    return Optional.empty();
                }
            }
        });
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message.length() > MAX_REASON_LENGTH ? message.substring(0, MAX_REASON_LENGTH) : message;
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return ": " + (flat.length() > MAX_REASON_LENGTH ? flat.substring(0, MAX_REASON_LENGTH) + "…" : flat);
    }
}
