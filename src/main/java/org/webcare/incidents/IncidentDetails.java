package org.webcare.incidents;

import java.util.List;

import org.webcare.channel.DeliveryState;

/** An incident with its cases, oldest linked first. */
public record IncidentDetails(Incident incident, List<LinkedCase> cases) {

    /** Whether a statement sent to one of its cases is still on its way (queued or being retried). */
    public boolean deliveriesPending() {
        return cases.stream().flatMap(c -> java.util.stream.Stream.of(c.holding(), c.resolution()))
                .anyMatch(s -> s.delivery() != null && (s.delivery().state() == DeliveryState.QUEUED
                        || s.delivery().state() == DeliveryState.RETRYING));
    }

    /** Whether no statement reached any of its cases yet (then it may still be deleted). */
    public boolean nothingSent() {
        return cases.stream().noneMatch(c -> c.holding().state() == StatementState.State.SENT
                || c.resolution().state() == StatementState.State.SENT);
    }
}
