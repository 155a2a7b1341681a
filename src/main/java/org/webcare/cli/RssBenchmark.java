package org.webcare.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.webcare.channel.ChannelType;
import org.webcare.channel.Channels;
import org.webcare.channel.ConnectorException;
import org.webcare.channel.ReceivedPost;
import org.webcare.channel.SourceCheck;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;

/**
 * {@code bench rss}: feed items per second from an RSS feed to stored posts, end to end (fetch over local HTTP, parse,
 * intake with analysis, listening and storage), on a fresh embedded database. The feed is generated from real support
 * tweets when the corpus is there, else from a few fixed sentences.
 */
final class RssBenchmark {

    private static final List<String> FALLBACK = List.of(
            "My order still has not arrived and nobody answers the phone. Really disappointed.",
            "Thanks for the quick help with my refund, great service!",
            "Is the outage in Amsterdam fixed yet? Internet has been down since this morning.",
            "Mijn pakket is nog steeds niet bezorgd, wat is er aan de hand?");

    private final PrintStream out;
    private final Channels channels;
    private final Intake intake;
    /** Items per poll, as the RSS connector's default maxItems. */
    private static final int POLL = 500;

    RssBenchmark(PrintStream out, Channels channels, Intake intake) {
        this.out = out;
        this.channels = channels;
        this.intake = intake;
    }

    int run(List<String> texts, int items) {
        byte[] feed = feed(texts.isEmpty() ? FALLBACK : texts, items);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/feed.xml", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, feed.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(feed);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
            long brand = channels.createBrand("RSS benchmark " + System.currentTimeMillis()).id();
            long perPost = channels.createChannel(brand, ChannelType.RSS, "one transaction per post", null, false).channel().id();
            long perPoll = channels.createChannel(brand, ChannelType.RSS, "one transaction per poll", null, false).channel().id();
            Map<String, String> settings = Map.of("url", url, "maxItems", Integer.toString(items));
            // A source check stores nothing, so one untimed round warms up the fetch and parse code.
            SourceCheck.check(ChannelType.RSS, settings, "127.0.0.1");
            long started = System.nanoTime();
            SourceCheck.Result result = SourceCheck.check(ChannelType.RSS, settings, "127.0.0.1");
            double fetchSeconds = (System.nanoTime() - started) / 1e9;
            out.printf(Locale.ROOT, "feed: %,d items, %,d KiB, served from 127.0.0.1%n", items, feed.length / 1024);
            out.printf(Locale.ROOT, "fetch + parse:                  %,10.0f items/s  (%.2f s)%n", result.posts().size() / fetchSeconds, fetchSeconds);

            // The baseline: every item in a transaction of its own (one commit, one flush to disk, per item).
            long t0 = System.nanoTime();
            int stored = 0;
            for (ReceivedPost post : result.posts()) {
                stored += intake.accept(inbound(perPost, post)).duplicate() ? 0 : 1;
            }
            double baseline = (System.nanoTime() - t0) / 1e9;
            // The runtime's way: the items of one poll (up to maxItems, default 500) in one transaction.
            long t1 = System.nanoTime();
            int batched = 0;
            for (int from = 0; from < result.posts().size(); from += POLL) {
                List<ReceivedPost> poll = result.posts().subList(from, Math.min(result.posts().size(), from + POLL));
                batched += intake.acceptAll(poll.stream().map(post -> inbound(perPoll, post)).toList()).stored();
            }
            double ours = (System.nanoTime() - t1) / 1e9;
            out.printf(Locale.ROOT, "store, one transaction per item: %,10.0f items/s  (%.2f s)%n", stored / baseline, baseline);
            out.printf(Locale.ROOT, "store, one transaction per poll: %,10.0f items/s  (%.2f s)  %.1fx%n", batched / ours, ours, baseline / ours);
            out.printf(Locale.ROOT, "end to end (fetch, parse, store per poll): %,10.0f items/s (%,d stored)%n", batched / (fetchSeconds + ours), batched);
            out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
            stored = Math.min(stored, batched);
            return stored == items ? 0 : 1;
        } catch (ConnectorException e) {
            System.err.println("webcare bench rss: " + e.getMessage());
            return 1;
        } finally {
            server.stop(0);
        }
    }

    /** An RSS 2.0 feed of {@code items} items, newest first, one a minute, with the HTML a blog's feed carries. */
    static byte[] feed(List<String> texts, int items) {
        StringBuilder xml = new StringBuilder(items * 600);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">")
                .append("<channel><title>Benchmark feed</title><link>http://127.0.0.1/</link><description>generated</description>\n");
        Instant newest = Instant.now().minusSeconds(60);
        for (int i = 0; i < items; i++) {
            String text = texts.get(i % texts.size());
            String title = text.length() > 60 ? text.substring(0, 60) : text;
            xml.append("<item><title>").append(escape(title)).append("</title>")
                    .append("<link>/posts/").append(i).append("</link>")
                    .append("<guid isPermaLink=\"false\">bench-").append(i).append("</guid>")
                    .append("<dc:creator>author").append(i % 997).append("</dc:creator>")
                    .append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(newest.minusSeconds(60L * i).atOffset(ZoneOffset.UTC)))
                    .append("</pubDate><description>").append(escape("<p>" + escape(text) + "</p><p>Item " + i + "</p>"))
                    .append("</description></item>\n");
        }
        xml.append("</channel></rss>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Other work on the machine moves these figures; the load says how much there was. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static InboundPost inbound(long channel, ReceivedPost post) {
        return new InboundPost(channel, post.externalId(), post.authorHandle(), post.authorName(), post.text(),
                post.visibility(), post.createdAt(), post.inReplyTo(), post.authorFollowers(), post.toBrand(), List.of(),
                ChannelType.RSS.id(), post.url(), post.title());
    }
}
