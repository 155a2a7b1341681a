package org.webcare.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The secrets in links that open something without an account (an expert's answer page, a customer's survey): random
 * bytes from a secure source, base64url without padding. Webcare keeps only their SHA-256 hash, so the database alone
 * opens nothing.
 */
public final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int bytes;
    private final Pattern shape;

    /** Tokens of this many random bytes (16 bytes: 22 characters; 32 bytes: 43). */
    public SecretTokens(int bytes) {
        this.bytes = bytes;
        this.shape = Pattern.compile("[A-Za-z0-9_-]{" + (bytes * 4 + 2) / 3 + "}");
    }

    public String create() {
        byte[] secret = new byte[bytes];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Whether the text could be a token at all; anything else is not looked up. */
    public boolean wellFormed(String token) {
        return token != null && shape.matcher(token).matches();
    }

    public byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
