package org.webcare.sla;

import java.util.List;

/** A policy as the REST API shows it: the fields of a {@link PolicyDraft} with its id. */
public record PolicyView(long id, long brandId, String name, int position, Long channelId, Integer maxPriority,
                         List<String> intents, List<String> customerTags, PolicyDraft.Targets targets, Long calendarId,
                         boolean pauseOnCustomer, boolean pauseOnInternal, String notifyEmail, String notifyWebhook,
                         String autoReplyText) {

    public static PolicyView of(SlaPolicy policy) {
        PolicyDraft draft = PolicyDraft.of(policy);
        return new PolicyView(policy.id(), policy.brandId(), policy.name(), policy.position(), policy.channelId(),
                policy.maxPriority(), policy.intents(), policy.customerTags(), draft.targets(), policy.calendarId(),
                policy.pauseOnCustomer(), policy.pauseOnInternal(), policy.notifyEmail(), policy.notifyWebhook(),
                policy.autoReplyText());
    }
}
