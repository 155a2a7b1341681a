package org.webcare.consults;

import org.webcare.shared.SecretTokens;

/** The secrets in answer links: 32 random bytes (43 characters). */
final class ConsultTokens {

    static final SecretTokens TOKENS = new SecretTokens(32);

    private ConsultTokens() {
    }
}
