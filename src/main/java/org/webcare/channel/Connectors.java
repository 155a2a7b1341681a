package org.webcare.channel;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The connectors this Webcare has, by channel type. */
@Component
public class Connectors {

    private final Map<ChannelType, ChannelConnector> byType = new EnumMap<>(ChannelType.class);

    Connectors(List<ChannelConnector> connectors) {
        for (ChannelConnector connector : connectors) {
            if (byType.put(connector.type(), connector) != null) {
                throw new IllegalStateException("Two connectors for channel type " + connector.type().id());
            }
        }
    }

    public Optional<ChannelConnector> of(ChannelType type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** The types that can be added as channels with settings (not the API and demo channels, which have their own). */
    public List<ChannelConnector> configurable() {
        return byType.values().stream().toList();
    }
}
