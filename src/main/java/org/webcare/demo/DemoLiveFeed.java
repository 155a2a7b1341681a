package org.webcare.demo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.webcare.channel.Brand;
import org.webcare.channel.ChannelType;
import org.webcare.channel.Channels;
import org.webcare.channel.ConnectorChannels;
import org.webcare.channel.FakePlatform;

/**
 * Keeps the demo brand alive: a channel on the fake connector gets a customer's message now and then (the openings of
 * the demo conversations, in turn), so a newcomer sees posts arrive in the inbox the way real ones do: polled by the
 * runtime, analysed, matched and shown live.
 */
@Component
@ConditionalOnProperty(name = "webcare.demo", havingValue = "true")
class DemoLiveFeed {

    static final String CHANNEL = "Live";

    private final Channels channels;
    private final ConnectorChannels connectorChannels;
    private final List<DemoData.Opening> openings;
    private final AtomicInteger next = new AtomicInteger();
    private volatile FakePlatform platform;

    DemoLiveFeed(Channels channels, ConnectorChannels connectorChannels, DemoData demo) {
        this.channels = channels;
        this.connectorChannels = connectorChannels;
        this.openings = demo.openings();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void connect() {
        Brand brand = channels.brandNamed(DemoData.BRAND).orElse(null);
        if (brand == null) {
            return;
        }
        String name = "demo-" + brand.id();
        boolean exists = channels.channels().stream()
                .anyMatch(channel -> channel.brandId() == brand.id() && channel.name().equals(CHANNEL));
        if (!exists) {
            connectorChannels.create(brand.id(), ChannelType.FAKE, CHANNEL, Map.of("platform", name, "interval", "PT10S"));
        }
        platform = FakePlatform.named(name);
    }

    @Scheduled(initialDelayString = "${webcare.demo.live-interval:PT1M}", fixedDelayString = "${webcare.demo.live-interval:PT1M}")
    void publish() {
        FakePlatform current = platform;
        if (current != null && !openings.isEmpty()) {
            DemoData.Opening opening = openings.get(Math.floorMod(next.getAndIncrement(), openings.size()));
            current.publish(opening.handle(), opening.text());
        }
    }
}
