package org.webcare.routing;

/** A queue was created or changed (strategy, members, default): its waiting cases may now find an agent. */
record QueueChanged(long queueId) {
}
