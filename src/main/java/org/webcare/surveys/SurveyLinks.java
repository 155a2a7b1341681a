package org.webcare.surveys;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The absolute address of a survey page, which customers open outside Webcare ({@code webcare.public-url}). */
@Component
class SurveyLinks {

    private final String publicUrl;
    private final Environment environment;

    SurveyLinks(@Value("${webcare.public-url:}") String publicUrl, Environment environment) {
        this.publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
        this.environment = environment;
    }

    String page(String token) {
        String base = !publicUrl.isEmpty() ? publicUrl
                : "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return base + "/s/" + token;
    }
}
