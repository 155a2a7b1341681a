package org.webcare.staffing;

import java.time.Duration;

/**
 * The handling time per reply the advice uses.
 *
 * @param perReply the median measured time, or the configured default
 * @param measuredReplies how many replies were measured in the period
 * @param measured whether {@code perReply} is the measured median (enough replies) rather than the default
 */
public record HandlingTime(Duration perReply, long measuredReplies, boolean measured) {
}
