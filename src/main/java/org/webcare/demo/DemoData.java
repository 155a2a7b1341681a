package org.webcare.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.webcare.cases.Replies;
import org.webcare.cases.ReplyStyles;
import org.webcare.routing.Queues;
import org.webcare.routing.Strategy;
import org.webcare.channel.Brand;
import org.webcare.channel.ChannelType;
import org.webcare.channel.Channels;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.intake.IntakeResult;
import org.webcare.shared.Visibility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Seeds the demo brand once (when {@code webcare.demo=true}): its conversations are placed in the week before now,
 * customers' posts go through intake like any post, agents' replies are recorded as delivered.
 */
@Component
@ConditionalOnProperty(name = "webcare.demo", havingValue = "true")
public class DemoData {

    static final String BRAND = "Polderstroom";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String RESOURCE = "demo/conversations.jsonl";

    private final Channels channels;
    private final Intake intake;
    private final Replies replies;
    private final ObjectMapper json;
    private final ZoneId zone;

    private final ReplyStyles styles;
    private final Queues queues;

    DemoData(Channels channels, Intake intake, Replies replies, ObjectMapper json, ReplyStyles styles, Queues queues,
             @Value("${webcare.time-zone:Europe/Amsterdam}") String zone) {
        this.styles = styles;
        this.queues = queues;
        this.channels = channels;
        this.intake = intake;
        this.replies = replies;
        this.json = json;
        this.zone = ZoneId.of(zone);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void seedOnStart() {
        seed(Instant.now());
    }

    /** Seeds the demo brand unless it exists; returns the number of conversations loaded. */
    public int seed(Instant now) {
        if (channels.brandNamed(BRAND).isPresent()) {
            log.info("Demo brand {} is already there", BRAND);
            return 0;
        }
        Brand brand = channels.createBrand(BRAND, List.of("@" + BRAND));
        // Polderstroom speaks to its customers with "je", and its cases wait in one queue for whoever is available.
        styles.set(brand.id(), "personal", "PS-\\d{6}");
        queues.create(brand.id(), "Webcare", "Webcare Polderstroom", Strategy.LOAD_BALANCED, true, List.of());
        Map<String, Long> channelIds = new HashMap<>();
        int conversations = 0;
        int posts = 0;
        for (Conversation conversation : read()) {
            long channelId = channelIds.computeIfAbsent(conversation.channel(),
                    name -> channels.createChannel(brand.id(), ChannelType.DEMO, name, null, true).channel().id());
            posts += load(conversation, channelId, conversations, now);
            conversations++;
        }
        log.info("Demo brand {} seeded: {} conversations, {} messages", BRAND, conversations, posts);
        return conversations;
    }

    private int load(Conversation conversation, long channelId, int number, Instant now) {
        List<String> handles = List.of("@" + BRAND);
        ZonedDateTime start = LocalDate.ofInstant(now, zone).minusDays(conversation.day())
                .atTime(conversation.time()).atZone(zone);
        if (start.toInstant().isAfter(now.minusSeconds(300))) {
            // Today's later conversations have not happened yet at this hour: they happened yesterday.
            start = start.minusDays(1);
        }
        String lastCustomerPost = null;
        Long lastCustomerPostId = null;
        int index = 0;
        for (Message message : conversation.messages()) {
            Instant at = start.plusMinutes(message.afterMinutes()).toInstant();
            if (at.isAfter(now)) {
                at = now;
            }
            if (message.fromCustomer()) {
                String externalId = "demo-" + number + "-" + index;
                IntakeResult stored = intake.accept(new InboundPost(channelId, externalId, message.handle(), message.name(),
                        message.text(), Visibility.PUBLIC, at, lastCustomerPost, null, false, handles, ChannelType.DEMO.id(), null));
                lastCustomerPost = externalId;
                lastCustomerPostId = stored.postId();
            } else if (lastCustomerPostId != null) {
                replies.recordDelivered(lastCustomerPostId, message.text(), Visibility.PUBLIC, message.name(), at);
            }
            index++;
        }
        return index;
    }

    /** The first customer message of every demo conversation, for the live feed. */
    List<Opening> openings() {
        return read().stream().flatMap(conversation -> conversation.messages().stream().filter(Message::fromCustomer).limit(1))
                .map(message -> new Opening(message.handle(), message.text())).toList();
    }

    record Opening(String handle, String text) {
    }

    private List<Conversation> read() {
        List<Conversation> conversations = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                List<Message> messages = new ArrayList<>();
                for (JsonNode post : node.get("posts")) {
                    messages.add(new Message("customer".equals(post.get("from").asString()), post.get("handle").asString(),
                            post.get("name").asString(), post.get("text").asString(), post.get("afterMinutes").asInt()));
                }
                conversations.add(new Conversation(node.get("channel").asString(), node.get("day").asInt(),
                        LocalTime.parse(node.get("time").asString()), messages));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the demo data " + RESOURCE + ": " + e.getMessage(), e);
        }
        return conversations;
    }

    private record Conversation(String channel, int day, LocalTime time, List<Message> messages) {
    }

    private record Message(boolean fromCustomer, String handle, String name, String text, int afterMinutes) {
    }
}
