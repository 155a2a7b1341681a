package org.webcare.consults;

import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Absolute addresses for consult e-mails, which are read outside Webcare: the answer link and the Message-ID. */
@Component
class ConsultLinks {

    private final String publicUrl;
    private final Environment environment;

    ConsultLinks(@Value("${webcare.public-url:}") String publicUrl, Environment environment) {
        this.publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
        this.environment = environment;
    }

    String base() {
        if (!publicUrl.isEmpty()) {
            return publicUrl;
        }
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    String answer(String token) {
        return base() + "/consult/" + token;
    }

    /** A Message-ID of Webcare's own (without brackets); random, so it tells nothing about the consult. */
    String newMessageId() {
        String host = java.net.URI.create(base()).getHost();
        return "consult-" + UUID.randomUUID() + "@" + (host == null ? "webcare.local" : host);
    }
}
