package org.webcare.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.channel.NewChannel;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.support.IntegrationTest;

class InboxIntegrationTests extends IntegrationTest {

    @Autowired
    Intake intake;

    @Autowired
    Inbox inbox;

    @Test
    void pagesThroughPostsNewestFirstWithoutGapsOrRepeats() {
        NewChannel channel = anApiChannel("http://127.0.0.1:9/x");
        Instant base = Instant.parse("2026-11-20T09:00:00Z");
        // Stored in another order than they were written, as platforms deliver late posts.
        for (int minutes : new int[] {30, 10, 50, 20, 40, 0}) {
            intake.accept(new InboundPost(channel.channel().id(), "p" + minutes, "@klant", null, "Bericht " + minutes,
                    Visibility.PUBLIC, base.plusSeconds(minutes * 60L), null));
        }

        List<String> seen = new ArrayList<>();
        Long before = null;
        for (int page = 0; page < 4; page++) {
            List<InboxItem> items = inbox.latest(new InboxFilter(null, channel.channel().id(), before, 4));
            items.forEach(item -> seen.add(item.text()));
            if (items.size() < 4) {
                break;
            }
            before = items.getLast().postId();
        }

        assertThat(seen).containsExactly("Bericht 50", "Bericht 40", "Bericht 30", "Bericht 20", "Bericht 10", "Bericht 0");
    }

    @Test
    void filtersByBrand() {
        NewChannel mine = anApiChannel("http://127.0.0.1:9/x");
        NewChannel other = anApiChannel("http://127.0.0.1:9/x");
        intake.accept(new InboundPost(mine.channel().id(), "a", "@a", null, "Voor ons", Visibility.PUBLIC, Instant.now(), null));
        intake.accept(new InboundPost(other.channel().id(), "b", "@b", null, "Voor hen", Visibility.PUBLIC, Instant.now(), null));

        List<InboxItem> items = inbox.latest(new InboxFilter(mine.channel().brandId(), null, null, 50));

        assertThat(items).extracting(InboxItem::text).containsExactly("Voor ons");
    }
}
