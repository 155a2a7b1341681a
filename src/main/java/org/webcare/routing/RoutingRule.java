package org.webcare.routing;

/**
 * A brand's routing rule: when all its conditions hold for a case, the case goes to its queue. Rules are tried in
 * {@code position} order and the first that matches wins.
 */
public record RoutingRule(long id, long brandId, long queueId, String queueName, String name, int position,
                          Conditions conditions) {
}
