package org.webcare.sla;

import java.time.Duration;

/**
 * One promise of a policy: within {@code within}, counted on the policy's calendar ({@code workingTime}) or around the
 * clock.
 */
public record Target(Duration within, boolean workingTime) {
}
