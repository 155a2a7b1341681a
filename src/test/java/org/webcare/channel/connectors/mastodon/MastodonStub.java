package org.webcare.channel.connectors.mastodon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Mastodon instance on a loopback port that answers like the documented API: notifications and hashtag timelines
 * newest first with {@code Link} pagination ({@code max_id}, {@code since_id}, {@code min_id}), statuses posted with an
 * {@code Idempotency-Key}, the instance's limits, and the documented errors. Its entities are built from the payloads
 * recorded under {@code fixtures/mastodon/}.
 */
final class MastodonStub implements AutoCloseable {

    static final String TOKEN = "stub-access-token";

    enum Failure { NONE, UNAVAILABLE, RATE_LIMITED, UNAUTHORIZED, SLOW }

    /** One request as the stub received it. */
    record Request(String method, String path, Map<String, String> query, Map<String, String> headers, JsonNode body) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ObjectNode statusTemplate = (ObjectNode) fixture("status.json");
    private final ObjectNode notificationTemplate = (ObjectNode) fixture("notification-mention.json");
    private final List<ObjectNode> notifications = new ArrayList<>();
    private final List<ObjectNode> tagged = new ArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Request> posted = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> postedByKey = new HashMap<>();
    private boolean closed;
    private long nextNotificationId = 34_975_861L;
    private long nextStatusId = 103_270_115_826_048_975L;

    volatile Failure failure = Failure.NONE;
    volatile int largestPage = 40;
    /** {@code max_characters} of {@code /api/v2/instance}, or {@code null} for an instance that has only the first version. */
    volatile Integer maxCharactersV2 = 500;
    volatile Integer maxCharactersV1 = 500;
    volatile String retryAfter;
    volatile Instant rateLimitReset = Instant.now().plusSeconds(300);

    MastodonStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A mention of the brand account: a notification of type mention with its status; returns the status. */
    synchronized ObjectNode mention(String acct, String html, String visibility) {
        ObjectNode status = status(acct, html, visibility);
        ObjectNode notification = notificationTemplate.deepCopy();
        notification.put("id", Long.toString(nextNotificationId++));
        notification.set("account", status.get("account").deepCopy());
        notification.put("created_at", status.get("created_at").stringValue());
        notification.set("status", status);
        notifications.add(notification);
        return status;
    }

    /** A notification of another type, which the connector must pass over. */
    synchronized void favourite(String acct) {
        ObjectNode notification = notificationTemplate.deepCopy();
        notification.put("id", Long.toString(nextNotificationId++));
        notification.put("type", "favourite");
        notification.set("status", status(acct, "<p>the brand's own post</p>", "public"));
        notifications.add(notification);
    }

    /** A public status on the timeline of {@code tag}. */
    synchronized ObjectNode tagged(String tag, String acct, String html) {
        ObjectNode status = status(acct, html, "public");
        ObjectNode tagNode = JSON.createObjectNode().put("name", tag).put("url", url() + "/tags/" + tag);
        status.set("tags", JSON.createArrayNode().add(tagNode));
        tagged.add(status);
        return status;
    }

    private ObjectNode status(String acct, String html, String visibility) {
        ObjectNode status = statusTemplate.deepCopy();
        String id = Long.toString(nextStatusId++);
        status.put("id", id);
        status.put("created_at", Instant.now().toString());
        status.put("content", html);
        status.put("visibility", visibility);
        status.put("url", url() + "/@" + acct + "/" + id);
        status.put("uri", url() + "/users/" + acct + "/statuses/" + id);
        ObjectNode account = (ObjectNode) status.get("account");
        account.put("acct", acct);
        account.put("username", acct.contains("@") ? acct.substring(0, acct.indexOf('@')) : acct);
        account.put("display_name", "Klant " + acct);
        account.put("followers_count", 120);
        return status;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The statuses posted, in order (a post repeated with the same Idempotency-Key counts once, as on Mastodon). */
    List<Request> posted() {
        return List.copyOf(posted);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
            byte[] raw;
            try (InputStream in = exchange.getRequestBody()) {
                raw = in.readAllBytes();
            }
            JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Request request = new Request(method, path, query, headers, body);
            requests.add(request);

            switch (failure) {
                case UNAVAILABLE -> {
                    respond(exchange, 503, "<html><body><h1>503 Service Unavailable</h1></body></html>");
                    return;
                }
                case RATE_LIMITED -> {
                    exchange.getResponseHeaders().add("X-RateLimit-Limit", "300");
                    exchange.getResponseHeaders().add("X-RateLimit-Remaining", "0");
                    exchange.getResponseHeaders().add("X-RateLimit-Reset", rateLimitReset.toString());
                    if (retryAfter != null) {
                        exchange.getResponseHeaders().add("Retry-After", retryAfter);
                    }
                    respond(exchange, 429, fixture("error-429.json"));
                    return;
                }
                case SLOW -> sleep(3_000);
                case UNAUTHORIZED, NONE -> {
                }
            }
            if (failure == Failure.UNAUTHORIZED || !("Bearer " + TOKEN).equals(headers.get("authorization"))) {
                respond(exchange, 401, fixture("error-401.json"));
                return;
            }
            exchange.getResponseHeaders().add("X-RateLimit-Limit", "300");
            exchange.getResponseHeaders().add("X-RateLimit-Remaining", "299");
            exchange.getResponseHeaders().add("X-RateLimit-Reset", rateLimitReset.toString());

            if (method.equals("GET") && path.equals("/api/v1/notifications")) {
                String type = query.get("types[]");
                page(exchange, path, query, type == null ? "" : "types%5B%5D=" + type,
                        snapshot(notifications, n -> type == null || type.equals(n.get("type").stringValue())));
            } else if (method.equals("GET") && path.startsWith("/api/v1/timelines/tag/")) {
                String tag = URLDecoder.decode(path.substring("/api/v1/timelines/tag/".length()), StandardCharsets.UTF_8);
                page(exchange, path, query, "", snapshot(tagged, s -> tag.equalsIgnoreCase(s.get("tags").get(0).get("name").stringValue())));
            } else if (method.equals("POST") && path.equals("/api/v1/statuses")) {
                respond(exchange, 200, post(request));
            } else if (method.equals("GET") && path.equals("/api/v2/instance") && maxCharactersV2 != null) {
                ObjectNode instance = (ObjectNode) fixture("instance-v2.json");
                ((ObjectNode) instance.get("configuration").get("statuses")).put("max_characters", maxCharactersV2);
                respond(exchange, 200, instance);
            } else if (method.equals("GET") && path.equals("/api/v1/instance") && maxCharactersV1 != null) {
                ObjectNode instance = (ObjectNode) fixture("instance-v1.json");
                ((ObjectNode) instance.get("configuration").get("statuses")).put("max_characters", maxCharactersV1);
                respond(exchange, 200, instance);
            } else {
                respond(exchange, 404, JSON.createObjectNode().put("error", "Record not found"));
            }
        } catch (RuntimeException e) {
            throw new IOException(e);
        }
    }

    private synchronized List<ObjectNode> snapshot(List<ObjectNode> items, Predicate<ObjectNode> filter) {
        return items.stream().filter(filter).map(ObjectNode::deepCopy).toList();
    }

    /** Mastodon's pagination: newest first, {@code min_id} the page right after it, Link next (older) and prev (newer). */
    private void page(HttpExchange exchange, String path, Map<String, String> query, String filter, List<ObjectNode> items)
            throws IOException {
        int limit = Math.min(largestPage, query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : 20);
        Comparator<ObjectNode> byId = Comparator.comparingLong(item -> Long.parseLong(item.get("id").stringValue()));
        List<ObjectNode> page;
        if (query.containsKey("min_id")) {
            long minId = Long.parseLong(query.get("min_id"));
            page = new ArrayList<>(items.stream().filter(item -> id(item) > minId).sorted(byId).limit(limit).toList());
            page.sort(byId.reversed());
        } else {
            long maxId = query.containsKey("max_id") ? Long.parseLong(query.get("max_id")) : Long.MAX_VALUE;
            long sinceId = query.containsKey("since_id") ? Long.parseLong(query.get("since_id")) : Long.MIN_VALUE;
            page = items.stream().filter(item -> id(item) < maxId && id(item) > sinceId).sorted(byId.reversed()).limit(limit).toList();
        }
        if (!page.isEmpty()) {
            String base = url() + path + "?" + (filter.isEmpty() ? "" : filter + "&");
            exchange.getResponseHeaders().add("Link", "<" + base + "max_id=" + id(page.getLast()) + ">; rel=\"next\", <"
                    + base + "min_id=" + id(page.getFirst()) + ">; rel=\"prev\"");
        }
        respond(exchange, 200, JSON.valueToTree(page));
    }

    private synchronized JsonNode post(Request request) {
        String key = request.headers().get("idempotency-key");
        if (key != null && postedByKey.containsKey(key)) {
            return postedByKey.get(key);
        }
        posted.add(request);
        String text = request.body().get("status").stringValue();
        ObjectNode status = status("brand", "<p>" + text.replace("&", "&amp;").replace("<", "&lt;") + "</p>",
                request.body().path("visibility").asString("public"));
        JsonNode inReplyTo = request.body().get("in_reply_to_id");
        status.put("in_reply_to_id", inReplyTo == null ? null : inReplyTo.stringValue());
        if (key != null) {
            postedByKey.put(key, status);
        }
        return status;
    }

    private static long id(JsonNode item) {
        return Long.parseLong(item.get("id").stringValue());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            query.put(name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        respond(exchange, status, JSON.writeValueAsString(body));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static JsonNode fixture(String name) {
        try (InputStream in = MastodonStub.class.getResourceAsStream("/fixtures/mastodon/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }
}
