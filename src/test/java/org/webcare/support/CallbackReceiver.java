package org.webcare.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.webcare.channel.Signatures;

/**
 * A platform's side of an API channel: receives replies on loopback, checks their signature, and drops duplicates by
 * idempotency key as a careful receiver would. Can be told to fail its first attempts.
 */
public final class CallbackReceiver implements AutoCloseable {

    private final HttpServer server;
    private volatile String secret;
    private final AtomicInteger attempts = new AtomicInteger();
    private final Map<String, Integer> acceptedByKey = new ConcurrentHashMap<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private volatile int failuresLeft;
    private volatile int failureStatus = 503;
    private volatile boolean badSignatureSeen;
    private volatile long delayMillis;

    public CallbackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            attempts.incrementAndGet();
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status;
            if (!Signatures.sign(this.secret == null ? "" : this.secret, body)
                    .equals(exchange.getRequestHeaders().getFirst(Signatures.HEADER))) {
                badSignatureSeen = true;
                status = 401;
            } else if (failuresLeft > 0) {
                failuresLeft--;
                status = failureStatus;
            } else {
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                acceptedByKey.merge(key, 1, Integer::sum);
                bodies.add(new String(body, StandardCharsets.UTF_8));
                status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The channel secret replies must be signed with; the channel is created after the receiver knows its URL. */
    public CallbackReceiver expectingSignatureWith(String secret) {
        this.secret = secret;
        return this;
    }

    /** A slow platform: every answer takes this long. */
    public CallbackReceiver answeringAfter(java.time.Duration delay) {
        this.delayMillis = delay.toMillis();
        return this;
    }

    public CallbackReceiver failingFirst(int times, int status) {
        this.failuresLeft = times;
        this.failureStatus = status;
        return this;
    }

    public int attempts() {
        return attempts.get();
    }

    /** How often each idempotency key was accepted (a duplicate delivery would count 2). */
    public Map<String, Integer> acceptedByKey() {
        return acceptedByKey;
    }

    public List<String> bodies() {
        return bodies;
    }

    public boolean sawBadSignature() {
        return badSignatureSeen;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
