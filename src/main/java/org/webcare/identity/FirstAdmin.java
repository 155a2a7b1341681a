package org.webcare.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * There is no default password: the first administrator comes from {@code WEBCARE_ADMIN_EMAIL} and
 * {@code WEBCARE_ADMIN_PASSWORD}, or from a one-time setup link that is printed to the log.
 */
@Component
public class FirstAdmin {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final Users users;
    private final String email;
    private final String password;
    private final AtomicReference<String> setupToken = new AtomicReference<>();

    FirstAdmin(Users users, @Value("${webcare.admin.email:}") String email, @Value("${webcare.admin.password:}") String password) {
        this.users = users;
        this.email = email;
        this.password = password;
    }

    /**
     * Makes sure an administrator can get in; returns the setup path to print when one must still be created.
     */
    public synchronized Optional<String> ensure() {
        if (users.count() > 0) {
            return Optional.empty();
        }
        if (!email.isBlank() && !password.isBlank()) {
            users.create(email, null, password, Role.ADMIN);
            log.info("Created the first administrator {} from WEBCARE_ADMIN_EMAIL", email);
            return Optional.empty();
        }
        if (setupToken.get() == null) {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            setupToken.set(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        return Optional.of("/setup?token=" + setupToken.get());
    }

    boolean acceptsSetupToken(String token) {
        String expected = setupToken.get();
        return expected != null && token != null
                && java.security.MessageDigest.isEqual(expected.getBytes(), token.getBytes())
                && users.count() == 0;
    }

    synchronized WebcareUser createWithSetupToken(String token, String email, String displayName, String password) {
        if (!acceptsSetupToken(token)) {
            throw new IllegalStateException("This setup link is no longer valid");
        }
        WebcareUser admin = users.create(email, displayName, password, Role.ADMIN);
        setupToken.set(null);
        log.info("Created the first administrator {} through the setup link", admin.email());
        return admin;
    }
}
