package org.webcare.crisis;

import java.time.Instant;
import java.util.List;

import org.webcare.crisis.CrisisDetected.Kind;
import org.webcare.crisis.CrisisDetected.Scope;

/**
 * A crisis as stored: open while {@code endedAt} is {@code null}.
 *
 * @param level the level it was last raised with (see {@link CrisisDetected#level()})
 * @param reason why it was last raised
 * @param postIds the posts that drove it when it was last raised, most relevant first
 * @param liveViewPath path of the live view of its brand or query
 */
public record Crisis(long id, Scope scope, long scopeId, String scopeName, Kind kind, long level, String reason,
                     List<Long> postIds, Instant startedAt, Instant lastFiredAt, Instant endedAt, String liveViewPath) {

    public Crisis {
        postIds = List.copyOf(postIds);
    }

    public boolean active() {
        return endedAt == null;
    }
}
