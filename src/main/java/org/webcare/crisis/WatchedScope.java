package org.webcare.crisis;

import org.webcare.crisis.CrisisDetected.Scope;

/** A brand or a saved query the watch looks after. */
record WatchedScope(Scope type, long id, String name) {

    record Key(Scope type, long id) {
    }

    Key key() {
        return new Key(type, id);
    }

    String liveViewPath() {
        return liveViewPath(type, id);
    }

    static String liveViewPath(Scope type, long id) {
        return "/listening/dashboard?" + (type == Scope.BRAND ? "brand=" : "query=") + id;
    }
}
