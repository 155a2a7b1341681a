package org.webcare.consults;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tag in a consult e-mail's subject, {@code [consult:<id>-<check>]}: it finds the consult when a reply lost its
 * references. The check is an HMAC of the id, so nobody can make up a tag for another consult. The key is made on
 * first use and shared by every node through the database.
 */
@Component
class ConsultChecks {

    private static final Pattern TAG = Pattern.compile("\\[consult:(\\d{1,18})-([A-Za-z0-9_-]{16})]");
    private static final int CHECK_BYTES = 12;

    private final JdbcClient jdbc;
    private volatile SecretKeySpec key;

    ConsultChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String tag(long consultId) {
        return "[consult:" + consultId + "-" + check(consultId) + "]";
    }

    /** The consult a subject's tag names, when its check is right; {@code -1} otherwise. */
    long consultOf(String subject) {
        if (subject == null) {
            return -1;
        }
        Matcher matcher = TAG.matcher(subject);
        while (matcher.find()) {
            long id = Long.parseLong(matcher.group(1));
            if (MessageDigest.isEqual(check(id).getBytes(StandardCharsets.US_ASCII),
                    matcher.group(2).getBytes(StandardCharsets.US_ASCII))) {
                return id;
            }
        }
        return -1;
    }

    private String check(long consultId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            byte[] full = mac.doFinal(("consult:" + consultId).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(full, CHECK_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            // Two nodes starting together: the first insert wins and both read the same key.
            jdbc.sql("insert into consult_key (id, key) values (1, ?) on conflict (id) do nothing").param(fresh).update();
            byte[] stored = jdbc.sql("select key from consult_key where id = 1").query(byte[].class).single();
            current = new SecretKeySpec(stored, "HmacSHA256");
            key = current;
        }
        return current;
    }
}
