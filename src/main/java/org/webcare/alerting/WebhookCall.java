package org.webcare.alerting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * POSTs an alert to an incoming webhook. The address is checked again right before the call (DNS may have changed
 * since the rule was saved) and redirects are not followed, so a webhook cannot be bent towards an internal address.
 */
@Component
class WebhookCall {

    private static final int MAX_REASON_LENGTH = 300;

    private final WebhookAddresses addresses;
    private final HttpClient client;
    private final Duration timeout;

    WebhookCall(WebhookAddresses addresses, AlertSettings settings) {
        this.addresses = addresses;
        this.timeout = settings.requestTimeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    SendOutcome post(String url, String json) {
        URI uri;
        try {
            uri = addresses.check(url);
        } catch (IllegalArgumentException e) {
            return new SendOutcome.Failed(e.getMessage().replaceFirst("^webhookUrl: ", "Webhook refused: "));
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Webcare")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new SendOutcome.Sent();
            }
            String reason = "Webhook answered HTTP " + status + excerpt(response.body());
            if (status >= 300 && status < 400) {
                return new SendOutcome.Failed(reason + " (redirects are not followed)");
            }
            if (status == 408 || status == 425 || status == 429 || status >= 500) {
                return new SendOutcome.Retry(reason);
            }
            return new SendOutcome.Failed(reason);
        } catch (HttpTimeoutException e) {
            return new SendOutcome.Retry("Webhook did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new SendOutcome.Retry("Could not reach the webhook: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Retry("Interrupted while calling the webhook");
        }
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return ": " + (flat.length() > MAX_REASON_LENGTH ? flat.substring(0, MAX_REASON_LENGTH) + "…" : flat);
    }
}
