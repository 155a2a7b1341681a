package org.webcare.listening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Inbox;
import org.webcare.cases.InboxFilter;
import org.webcare.cases.InboxItem;
import org.webcare.channel.NewChannel;
import org.webcare.intake.Posts;
import org.webcare.support.ApiClient;
import org.webcare.support.IntegrationTest;

class SavedQueriesIntegrationTests extends IntegrationTest {

    @Autowired
    Posts posts;

    @Autowired
    Inbox inbox;

    @Test
    void matchesEveryArrivingPostAgainstTheSavedQueriesAndFiltersTheInboxByThem() {
        ApiClient api = new ApiClient(baseUrl());
        String token = tokenFor(anAgent("long-enough-password"));
        String name = unique("Storingen");
        var saved = api.postJson("/api/v1/queries", token,
                "{\"name\":\"" + name + "\",\"query\":\"(storing OR uitval) AND (internet OR tv) -gepland* lang:nl\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        long queryId = Long.parseLong(saved.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        NewChannel channel = anApiChannel("http://127.0.0.1:9/x");

        api.deliverPost(channel.channel().id(), channel.secret(), ApiClient.aPost("s1", "Al de hele dag een storing van het internet"));
        api.deliverPost(channel.channel().id(), channel.secret(), ApiClient.aPost("s2", "Geplande storing van de tv vannacht"));
        api.deliverPost(channel.channel().id(), channel.secret(), ApiClient.aPost("s3", "Wat een mooi weer vandaag"));

        List<InboxItem> matched = inbox.latest(new InboxFilter(null, channel.channel().id(), null, null, queryId, null, 50));
        assertThat(matched).extracting(InboxItem::text).containsExactly("Al de hele dag een storing van het internet");
        assertThat(matched.getFirst().matchedQueries()).contains(queryId);
    }

    @Test
    void refusesAQueryThatDoesNotParseWithItsPosition() {
        ApiClient api = new ApiClient(baseUrl());
        String token = tokenFor(anAgent("long-enough-password"));

        var broken = api.postJson("/api/v1/queries", token, "{\"name\":\"kapot\",\"query\":\"(storing AND\"}");
        var onlyNot = api.postJson("/api/v1/queries", token, "{\"name\":\"niets\",\"query\":\"NOT storing\"}");

        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("expected a term after AND").contains("\"position\":10");
        assertThat(onlyNot.statusCode()).isEqualTo(400);
        assertThat(onlyNot.body()).contains("only NOT terms");
    }
}
