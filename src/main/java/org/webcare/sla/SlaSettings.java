package org.webcare.sla;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How SLA clocks are watched ({@code webcare.sla.*}).
 *
 * @param checkInterval how often running clocks are checked for warnings and breaches
 * @param zone where promises to customers and the panel's times are dated
 */
@ConfigurationProperties("webcare.sla")
public record SlaSettings(Duration checkInterval, ZoneId zone) {

    public SlaSettings {
        if (checkInterval == null) {
            checkInterval = Duration.ofSeconds(30);
        }
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("webcare.sla.check-interval: must be positive, got " + checkInterval);
        }
        if (zone == null) {
            zone = ZoneId.of("Europe/Amsterdam");
        }
    }
}
