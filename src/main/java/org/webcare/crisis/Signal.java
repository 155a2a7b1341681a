package org.webcare.crisis;

import java.util.List;

import org.webcare.crisis.CrisisDetected.Kind;

/**
 * What one detector found for one scope in one check.
 *
 * @param level how large it is, in the units of {@link CrisisDetected#level()}
 * @param normalLevel the level an ordinary hour has (0 for volume and reach, the usual share for negative share);
 *                    growth is measured above it
 */
record Signal(Kind kind, long level, long normalLevel, String reason, List<Long> postIds) {

    Signal {
        postIds = List.copyOf(postIds);
    }
}
