package org.webcare.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Routing's settings ({@code webcare.routing.*}).
 *
 * @param sweepInterval how often waiting cases are handed out to agents who have room, and unrouted cases of brands
 *                      with queues are routed: the safety net behind the hand-out that follows each change
 * @param defaultCapacity how many active cases an agent takes at once unless a team lead set another number
 */
@ConfigurationProperties("webcare.routing")
public record RoutingSettings(Duration sweepInterval, Integer defaultCapacity) {

    public RoutingSettings {
        if (sweepInterval == null) {
            sweepInterval = Duration.ofMinutes(1);
        } else if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("webcare.routing.sweep-interval: must be positive, got " + sweepInterval);
        }
        if (defaultCapacity == null) {
            defaultCapacity = 5;
        } else if (defaultCapacity < 0 || defaultCapacity > Agents.MAX_CAPACITY) {
            throw new IllegalArgumentException("webcare.routing.default-capacity: must be 0 to " + Agents.MAX_CAPACITY
                    + ", got " + defaultCapacity);
        }
    }
}
