/**
 * Brands and their channels: how posts come in (the API channel's signed webhook) and how replies go out
 * (a transactional outbox delivered at least once, with retries and backoff).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels")
package org.webcare.channel;
