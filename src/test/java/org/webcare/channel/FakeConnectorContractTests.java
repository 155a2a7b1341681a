package org.webcare.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

class FakeConnectorContractTests extends ConnectorContract {

    private final String name = "contract-" + UUID.randomUUID();
    private final FakePlatform platform = FakePlatform.named(name);

    @Override
    protected ChannelConnector connector() {
        return new FakeConnector();
    }

    @Override
    protected Map<String, String> workingSettings() {
        return Map.of("platform", name);
    }

    @Override
    protected List<String> publish(int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add(platform.publish("@klant", "Bericht " + UUID.randomUUID()).text());
        }
        return texts;
    }

    @Override
    protected void failTransiently() {
        platform.fail(FakePlatform.Failure.TRANSIENT);
    }

    @Override
    protected void failPermanently() {
        platform.fail(FakePlatform.Failure.PERMANENT);
    }

    @Override
    protected void recover() {
        platform.fail(FakePlatform.Failure.NONE);
    }

    @Override
    protected List<String> receivedReplies() {
        return platform.replies().stream().map(OutgoingReply::text).toList();
    }

    @Override
    protected String aPostToAnswer() {
        return platform.publish("@klant", "Waar blijft mijn pakket?").externalId();
    }
}
