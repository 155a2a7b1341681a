package org.webcare.alerting;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Absolute links into Webcare for alerts, which are read outside it (mail clients, chat). */
@Component
class AlertLinks {

    private final String publicUrl;
    private final Environment environment;

    AlertLinks(@Value("${webcare.public-url:}") String publicUrl, Environment environment) {
        this.publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
        this.environment = environment;
    }

    String base() {
        if (!publicUrl.isEmpty()) {
            return publicUrl;
        }
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    String thread(long threadId, long postId) {
        return base() + "/inbox/threads/" + threadId + "?post=" + postId;
    }

    /** The path of a page in Webcare, made absolute; anything that is not a path is left out rather than linked. */
    String path(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            return base();
        }
        return base() + path;
    }
}
