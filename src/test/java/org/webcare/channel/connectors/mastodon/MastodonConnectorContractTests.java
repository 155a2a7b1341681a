package org.webcare.channel.connectors.mastodon;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.webcare.channel.ChannelConnector;
import org.webcare.channel.ConnectorContract;

class MastodonConnectorContractTests extends ConnectorContract {

    private MastodonStub mastodon;

    @BeforeEach
    void startInstance() throws Exception {
        mastodon = new MastodonStub();
    }

    @AfterEach
    void stopInstance() {
        mastodon.close();
    }

    @Override
    protected ChannelConnector connector() {
        return new MastodonConnector(target -> { }, Duration.ofSeconds(5), Clock.systemUTC());
    }

    @Override
    protected Map<String, String> workingSettings() {
        return Map.of("instance", mastodon.url(), "accessToken", MastodonStub.TOKEN);
    }

    @Override
    protected List<String> publish(int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = "Mijn pakket is zoek " + UUID.randomUUID();
            mastodon.mention("klant", "<p><span class=\"h-card\"><a href=\"" + mastodon.url()
                    + "/@polderstroom\" class=\"u-url mention\">@<span>polderstroom</span></a></span> " + text + "</p>", "public");
            texts.add(text);
        }
        return texts;
    }

    @Override
    protected void failTransiently() {
        mastodon.failure = MastodonStub.Failure.UNAVAILABLE;
    }

    @Override
    protected void failPermanently() {
        mastodon.failure = MastodonStub.Failure.UNAUTHORIZED;
    }

    @Override
    protected void recover() {
        mastodon.failure = MastodonStub.Failure.NONE;
    }

    @Override
    protected List<String> receivedReplies() {
        return mastodon.posted().stream().map(request -> request.body().get("status").stringValue()).toList();
    }

    @Override
    protected String aPostToAnswer() {
        return mastodon.mention("klant", "<p>@polderstroom Waar blijft mijn pakket?</p>", "public").get("id").stringValue();
    }
}
