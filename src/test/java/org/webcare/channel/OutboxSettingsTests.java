package org.webcare.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class OutboxSettingsTests {

    private final OutboxSettings settings = new OutboxSettings(null, Duration.ofSeconds(2), Duration.ofMinutes(10), 0, null, null);

    @Test
    void doublesTheDelayAfterEveryFailureUpToTheMaximum() {
        assertThat(settings.retryDelay(1, 1.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.retryDelay(2, 1.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.retryDelay(5, 1.0)).isEqualTo(Duration.ofSeconds(32));
        assertThat(settings.retryDelay(12, 1.0)).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.retryDelay(80, 1.0)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void spreadsRetriesOverTheUpperHalfOfTheDelay() {
        assertThat(settings.retryDelay(3, 0.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.retryDelay(3, 0.5)).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void hasDefaultsForEverySetting() {
        OutboxSettings defaults = new OutboxSettings(null, null, null, 0, null, null);

        assertThat(defaults.maxAttempts()).isEqualTo(12);
        assertThat(defaults.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(defaults.lease()).isEqualTo(Duration.ofMinutes(2));
    }
}
