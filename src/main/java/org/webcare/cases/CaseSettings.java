package org.webcare.cases;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How posts are grouped into cases and when cases move on their own ({@code webcare.cases.*}).
 *
 * @param followUpWindow a new post by the same author on the same brand's channels of one platform joins their case
 *                       when it comes within this time of their previous message
 * @param reopenWithin a resolved case reopens when the customer writes within this time; later (or once closed) a new
 *                     case opens, linked to the old one. Resolved cases close once this time has passed.
 * @param waitingEscalation how long a customer may wait for a reply before the case's urgency rises one step
 * @param housekeepingInterval how often resolved cases are closed and waiting times re-assessed
 */
@ConfigurationProperties("webcare.cases")
public record CaseSettings(Duration followUpWindow, Duration reopenWithin, Duration waitingEscalation,
                           Duration housekeepingInterval) {

    public CaseSettings {
        followUpWindow = positive("follow-up-window", followUpWindow, Duration.ofHours(24));
        reopenWithin = positive("reopen-within", reopenWithin, Duration.ofDays(7));
        waitingEscalation = positive("waiting-escalation", waitingEscalation, Duration.ofHours(4));
        housekeepingInterval = positive("housekeeping-interval", housekeepingInterval, Duration.ofMinutes(1));
    }

    private static Duration positive(String name, Duration value, Duration otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("webcare.cases." + name + ": must be positive, got " + value);
        }
        return value;
    }
}
