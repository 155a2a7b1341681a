package org.webcare.sla;

import java.util.List;

/**
 * A policy as a team lead writes it (REST body and editor form); {@link SlaPolicies} checks it field by field.
 * Durations are ISO-8601 ({@code PT4H}, {@code PT30M}, {@code P1D}).
 */
public record PolicyDraft(Long brandId, String name, Integer position, Long channelId, Integer maxPriority,
                          List<String> intents, List<String> customerTags, Targets targets, Long calendarId,
                          Boolean pauseOnCustomer, Boolean pauseOnInternal, String notifyEmail, String notifyWebhook,
                          String autoReplyText) {

    /** Each target's duration, and whether it counts the calendar's working time (else around the clock). */
    public record Targets(String firstResponse, Boolean firstResponseWorkingTime, String nextResponse,
                          Boolean nextResponseWorkingTime, String resolution, Boolean resolutionWorkingTime) {
    }

    /** The draft of an existing policy, for its editor. */
    static PolicyDraft of(SlaPolicy policy) {
        return new PolicyDraft(policy.brandId(), policy.name(), policy.position(), policy.channelId(), policy.maxPriority(),
                policy.intents(), policy.customerTags(), new Targets(text(policy.firstResponse()), working(policy.firstResponse()),
                text(policy.nextResponse()), working(policy.nextResponse()), text(policy.resolution()), working(policy.resolution())),
                policy.calendarId(), policy.pauseOnCustomer(), policy.pauseOnInternal(), policy.notifyEmail(),
                policy.notifyWebhook(), policy.autoReplyText());
    }

    private static String text(Target target) {
        return target == null ? null : target.within().toString();
    }

    private static Boolean working(Target target) {
        return target != null && target.workingTime();
    }
}
