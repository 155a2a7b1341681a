package org.webcare.routing;

/** Published in the transaction that changed an agent's status. */
public record AgentStatusChanged(long userId, AgentStatus from, AgentStatus to) {
}
