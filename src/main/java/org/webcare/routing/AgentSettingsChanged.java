package org.webcare.routing;

/** A team lead changed an agent's capacity or skills: cases waiting in their queues may now fit. */
record AgentSettingsChanged(long userId) {
}
