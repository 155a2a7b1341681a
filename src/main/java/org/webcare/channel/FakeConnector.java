package org.webcare.channel;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The {@code fake} connector: reads and answers a {@link FakePlatform}, two posts per poll, so paging is exercised. */
@Component
class FakeConnector implements ChannelConnector {

    static final int PAGE = 2;

    @Override
    public ChannelType type() {
        return ChannelType.FAKE;
    }

    @Override
    public List<ConnectorSetting> settings() {
        return List.of(ConnectorSetting.required("platform", ConnectorSetting.Kind.TEXT, "name of the fake platform to read"),
                ConnectorSetting.optional("interval", ConnectorSetting.Kind.DURATION, "time between polls", "PT5S"),
                ConnectorSetting.optional("token", ConnectorSetting.Kind.SECRET, "a credential, to show it is kept encrypted", null),
                ConnectorSetting.optional("publicReplies", ConnectorSetting.Kind.BOOLEAN, "whether replies may be public (not on e-mail)", "true"),
                ConnectorSetting.optional("replyWindow", ConnectorSetting.Kind.DURATION,
                        "how long after the customer's last message replies are taken (WhatsApp: 24h)", null));
    }

    @Override
    public Connection open(ConnectorSettings settings) {
        FakePlatform platform = FakePlatform.named(settings.required("platform"));
        Duration interval = settings.duration("interval").orElseThrow();
        boolean publicReplies = settings.flag("publicReplies");
        Duration replyWindow = settings.duration("replyWindow").orElse(null);
        return new Connection() {
            @Override
            public Optional<PostSource> source() {
                return Optional.of(new PostSource() {
                    @Override
                    public Poll poll(String cursor) throws ConnectorException {
                        check(platform);
                        List<ReceivedPost> waiting = platform.postsAfter(cursor);
                        List<ReceivedPost> page = waiting.subList(0, Math.min(PAGE, waiting.size()));
                        return new Poll(page, page.isEmpty() ? cursor : page.getLast().externalId(), waiting.size() > PAGE);
                    }

                    @Override
                    public Duration interval() {
                        return interval;
                    }
                });
            }

            @Override
            public Optional<ReplyTarget> replies() {
                return Optional.of(new ReplyTarget() {
                    @Override
                    public boolean supportsPrivate() {
                        return true;
                    }

                    @Override
                    public boolean supportsPublic() {
                        return publicReplies;
                    }

                    @Override
                    public Duration replyWindow() {
                        return replyWindow;
                    }

                    @Override
                    public int maxLength() {
                        return 500;
                    }

                    @Override
                    public void send(OutgoingReply reply) throws ConnectorException {
                        check(platform);
                        platform.receive(reply);
                    }
                });
            }
        };
    }

    private static void check(FakePlatform platform) throws ConnectorException {
        switch (platform.failure()) {
            case TRANSIENT -> throw new ConnectorException.Transient("the fake platform is briefly unavailable", Duration.ofSeconds(1), null);
            case PERMANENT -> throw new ConnectorException.Permanent("the fake platform refuses the credentials");
            case NONE -> {
            }
        }
    }
}
