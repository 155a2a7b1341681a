package org.webcare.channel;

import org.springframework.stereotype.Component;

/** The demo brand's simulated platform: every reply is accepted. */
@Component
class DemoSink implements ReplySink {

    @Override
    public ChannelType type() {
        return ChannelType.DEMO;
    }

    @Override
    public DeliveryOutcome deliver(Channel channel, String secret, String idempotencyKey, byte[] body) {
        return new DeliveryOutcome.Delivered();
    }
}
