package org.webcare.surveys;

import org.webcare.shared.SecretTokens;

/** The secrets in survey links: 128 random bits (22 characters); the link is the only key to its survey. */
final class SurveyTokens {

    static final SecretTokens TOKENS = new SecretTokens(16);

    private SurveyTokens() {
    }
}
