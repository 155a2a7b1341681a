package org.webcare.channel.connectors.rss;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A local web server for feeds: fixed answers per path, a live RSS feed at {@code /feed.xml} with an ETag, and failures. */
final class FeedServer implements AutoCloseable {

    /** What a path answers. */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        static Answer ok(String contentType, String body) {
            return new Answer(200, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
        }

        static Answer redirect(int status, String location) {
            return new Answer(status, Map.of("Location", location), new byte[0]);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new HashMap<>();
    private final List<String> items = new CopyOnWriteArrayList<>();
    private final List<Headers> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger version = new AtomicInteger();
    private volatile Answer failure;

    FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    synchronized void answer(String path, Answer answer) {
        answers.put(path, answer);
    }

    /** Adds an item to the front of {@code /feed.xml}. */
    void publish(String itemXml) {
        items.addFirst(itemXml);
        version.incrementAndGet();
    }

    void fail(Answer answer) {
        failure = answer;
    }

    List<Headers> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestHeaders());
        Answer answer = failure;
        String path = exchange.getRequestURI().getPath();
        if (answer == null && path.equals("/feed.xml")) {
            String etag = "\"v" + version.get() + "\"";
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                answer = new Answer(304, Map.of("ETag", etag), new byte[0]);
            } else {
                String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Blog</title>"
                        + "<link>" + url("/") + "</link><description>test</description>" + String.join("", new ArrayList<>(items))
                        + "</channel></rss>";
                answer = new Answer(200, Map.of("Content-Type", "application/rss+xml", "ETag", etag), xml.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (answer == null) {
            synchronized (this) {
                answer = answers.getOrDefault(path, new Answer(404, Map.of(), "not found".getBytes(StandardCharsets.UTF_8)));
            }
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean empty = answer.body().length == 0 || answer.status() == 304;
        exchange.sendResponseHeaders(answer.status(), empty ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!empty) {
                out.write(answer.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
