package org.webcare.crisis;

import java.util.List;

import org.springframework.stereotype.Service;

/** Read access to the crises the watch raised. Thread-safe. */
@Service
public class Crises {

    static final int MAX_LIMIT = 500;

    private final CrisisLog log;

    Crises(CrisisLog log) {
        this.log = log;
    }

    /** The open crises, most recently raised first. */
    public List<Crisis> active() {
        return log.active();
    }

    /** The latest crises, open or ended, newest first; at most {@value #MAX_LIMIT}. */
    public List<Crisis> recent(int limit) {
        return log.recent(Math.clamp(limit, 1, MAX_LIMIT));
    }
}
