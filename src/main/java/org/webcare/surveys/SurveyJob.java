package org.webcare.surveys;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every poll interval: sends the surveys whose delay has passed. */
@Component
@ConditionalOnProperty(name = "webcare.workers", havingValue = "true", matchIfMissing = true)
class SurveyJob {

    private static final Logger log = LoggerFactory.getLogger(SurveyJob.class);

    private final Invitations invitations;
    private final Clock clock;

    SurveyJob(Invitations invitations, ObjectProvider<Clock> clock) {
        this.invitations = invitations;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Scheduled(fixedDelayString = "${webcare.surveys.poll-interval:1m}", initialDelayString = "${webcare.surveys.poll-interval:1m}")
    void run() {
        try {
            invitations.sendDue(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Sending surveys failed; trying again next round", e);
        }
    }
}
