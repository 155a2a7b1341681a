package org.webcare.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.support.IntegrationTest;

class DemoDataIntegrationTests extends IntegrationTest {

    @Autowired
    DemoData demo;

    @Test
    void seedsAWeekOfDutchAndEnglishConversationsWithReplies() {
        Long brand = jdbc.sql("select id from brand where name = 'Polderstroom'").query(Long.class).single();
        String posts = "select count(*) from post p join channel c on c.id = p.channel_id where c.brand_id = ?";

        assertThat(jdbc.sql(posts).param(brand).query(Long.class).single()).isGreaterThanOrEqualTo(71);
        assertThat(jdbc.sql(posts + " and p.text like '%storing%'").param(brand).query(Long.class).single()).isPositive();
        assertThat(jdbc.sql(posts + " and p.text ilike '%account%'").param(brand).query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("""
                select count(*) from reply r join outbound_message m on m.id = r.outbound_message_id
                join post p on p.id = r.post_id join channel c on c.id = p.channel_id
                where c.brand_id = ? and m.state = 'SENT'""").param(brand).query(Long.class).single()).isGreaterThan(40);
        assertThat(jdbc.sql(posts + " and p.created_at > now()").param(brand).query(Long.class).single()).isZero();
        assertThat(jdbc.sql(posts + " and p.created_at < now() - interval '8 days'").param(brand).query(Long.class).single()).isZero();
    }

    @Test
    void storesTheHostileDemoPostWithoutMarkup() {
        var texts = jdbc.sql("select text from post where author_handle = '@h4ckerman_nl'").query(String.class).list();

        assertThat(texts).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain("<script").doesNotContain("onerror"));
    }

    @Autowired
    DemoLiveFeed liveFeed;

    @Test
    void aLiveChannelOnTheFakeConnectorKeepsPostsComing() {
        String live = "select count(*) from post p join channel c on c.id = p.channel_id join brand b on b.id = c.brand_id"
                + " where b.name = 'Polderstroom' and c.name = 'Live'";
        long before = jdbc.sql(live).query(Long.class).single();

        liveFeed.publish();

        org.webcare.support.Eventually.within(java.time.Duration.ofSeconds(15), "the post arrives through the runtime",
                () -> jdbc.sql(live).query(Long.class).single() == before + 1);
    }

    @Test
    void seedsOnlyOnce() {
        assertThat(demo.seed(Instant.now())).isZero();
        assertThat(jdbc.sql("select count(*) from brand where name = 'Polderstroom'").query(Long.class).single()).isOne();
    }
}
