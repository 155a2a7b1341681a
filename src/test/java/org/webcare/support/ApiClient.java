package org.webcare.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.webcare.channel.Signatures;

/** Talks to a running Webcare over real HTTP, as an integrator or a platform would. */
public final class ApiClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Posts a body to an API channel, signed with its secret. */
    public HttpResponse<String> deliverPost(long channelId, String secret, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/channels/" + channelId + "/posts"))
                .header("Content-Type", "application/json")
                .header(Signatures.HEADER, Signatures.sign(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    public HttpResponse<String> postJson(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A customer post as the API channel takes it. */
    public static String aPost(String externalId, String text) {
        return aPost(externalId, text, null);
    }

    public static String aPost(String externalId, String text, String inReplyTo) {
        return "{\"externalId\":\"" + externalId + "\",\"authorHandle\":\"@klant\",\"authorName\":\"Kees Klant\","
                + "\"text\":" + quote(text) + ",\"createdAt\":\"" + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\""
                + (inReplyTo == null ? "" : ",\"inReplyTo\":\"" + inReplyTo + "\"") + "}";
    }

    public static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
