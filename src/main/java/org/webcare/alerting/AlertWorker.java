package org.webcare.alerting;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes ended windows and sends due alerts, every poll interval. Time comes from the application's {@link Clock}
 * when one is defined (tests move it), else the system clock.
 */
@Component
@ConditionalOnProperty(name = "webcare.workers", havingValue = "true", matchIfMissing = true)
class AlertWorker {

    private static final Logger log = LoggerFactory.getLogger(AlertWorker.class);

    private final AlertWindows windows;
    private final AlertSender sender;
    private final Clock clock;

    AlertWorker(AlertWindows windows, AlertSender sender, ObjectProvider<Clock> clock) {
        this.windows = windows;
        this.sender = sender;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Scheduled(fixedDelayString = "${webcare.alerts.poll-interval:1s}", initialDelayString = "${webcare.alerts.poll-interval:1s}")
    void run() {
        try {
            windows.close(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Closing alert windows failed; trying again next round", e);
        }
        sender.dispatch(clock.instant());
    }
}
