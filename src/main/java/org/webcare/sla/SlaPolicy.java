package org.webcare.sla;

import java.time.Duration;
import java.util.List;

/**
 * A brand's promise for the cases that match its conditions: the first policy in {@code position} order whose
 * conditions all hold applies. A condition left empty ({@code null} or an empty list) holds for every case.
 *
 * @param id 0 for the built-in default of a brand without policies
 * @param maxPriority matches cases whose priority value is at most this (1 is the most urgent)
 * @param intents matches cases with a post of any of these intents
 * @param customerTags matches cases of a customer with any of these tags
 * @param nextResponse {@code null}: no next-response clocks
 * @param resolution {@code null}: no resolution clock
 * @param calendarId the business calendar of the targets on working time; {@code null} or unknown: around the clock
 * @param pauseOnCustomer whether clocks pause while the case waits on the customer
 * @param pauseOnInternal whether clocks pause while the case waits on an internal expert (the wait is recorded anyway)
 * @param notifyEmail also tell warnings and breaches to this address, or {@code null}
 * @param notifyWebhook also POST warnings and breaches to this URL, or {@code null}
 * @param autoReplyText the reply sent once per case to a customer who writes outside opening hours, with
 *                      {@code {{promise}}} for when the team will answer; {@code null}: none
 */
public record SlaPolicy(long id, long brandId, String name, int position, Long channelId, Integer maxPriority,
                        List<String> intents, List<String> customerTags, Target firstResponse, Target nextResponse,
                        Target resolution, Long calendarId, boolean pauseOnCustomer, boolean pauseOnInternal,
                        String notifyEmail, String notifyWebhook, String autoReplyText) {

    /** What a brand without policies promises: a first response within 4 hours and resolution within 24, around the clock. */
    public static SlaPolicy defaultFor(long brandId) {
        return new SlaPolicy(0, brandId, "Default", 0, null, null, List.of(), List.of(),
                new Target(Duration.ofHours(4), false), null, new Target(Duration.ofHours(24), false), null, true, false,
                null, null, null);
    }

    boolean matches(long channelId, int priority, List<String> caseIntents, List<String> tags) {
        return (this.channelId == null || this.channelId == channelId)
                && (maxPriority == null || priority <= maxPriority)
                && (intents.isEmpty() || intents.stream().anyMatch(caseIntents::contains))
                && (customerTags.isEmpty() || customerTags.stream().anyMatch(tags::contains));
    }
}
