package org.webcare.alerting;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/** An incoming webhook as Slack or Teams runs one, on loopback; can be told to fail its first calls. */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger attempts = new AtomicInteger();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private volatile int failuresLeft;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            attempts.incrementAndGet();
            int status = 200;
            if (failuresLeft > 0) {
                failuresLeft--;
                status = 500;
            } else {
                bodies.add(new String(body, StandardCharsets.UTF_8));
                contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            }
            byte[] answer = (status == 200 ? "ok" : "internal error").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** Through the name the tests allow; it resolves to loopback, which would otherwise be refused. */
    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    WebhookReceiver failingFirst(int times) {
        failuresLeft = times;
        return this;
    }

    int attempts() {
        return attempts.get();
    }

    List<String> bodies() {
        return bodies;
    }

    List<String> contentTypes() {
        return contentTypes;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
