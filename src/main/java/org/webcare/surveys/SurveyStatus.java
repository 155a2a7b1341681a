package org.webcare.surveys;

import java.util.Locale;

/** Where a case's survey is: waiting for its delay, sent, answered, skipped (with a reason) or cancelled by a reopen. */
public enum SurveyStatus {
    SCHEDULED, SENT, ANSWERED, SKIPPED, CANCELLED;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
