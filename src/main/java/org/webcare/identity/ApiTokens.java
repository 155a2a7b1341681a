package org.webcare.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for {@code /api/v1}: random, shown once, stored as SHA-256 hashes (a fast hash is enough for 256 random
 * bits, and keeps every API call cheap).
 */
@Service
public class ApiTokens {

    static final String PREFIX = "wcat_";
    private static final SecureRandom random = new SecureRandom();

    private final JdbcClient jdbc;
    private final Users users;

    ApiTokens(JdbcClient jdbc, Users users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /** Creates a token for a user and returns it; it cannot be shown again. */
    @Transactional
    public String create(long userId, String name) {
        users.find(userId).orElseThrow(() -> new IllegalArgumentException("userId: no user with id " + userId));
        String label = name == null || name.isBlank() ? "token" : name.strip();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into api_token (user_id, name, token_hash) values (?, ?, ?)").params(userId, label, hash(token)).update();
        return token;
    }

    public List<TokenInfo> of(long userId) {
        return jdbc.sql("select id, name, created_at, last_used_at from api_token where user_id = ? order by created_at")
                .param(userId)
                .query((rs, n) -> new TokenInfo(rs.getLong("id"), rs.getString("name"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant()))
                .list();
    }

    @Transactional
    public boolean revoke(long userId, long tokenId) {
        return jdbc.sql("delete from api_token where id = ? and user_id = ?").params(tokenId, userId).update() == 1;
    }

    Optional<WebcareUser> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        update api_token set last_used_at = now() where token_hash = ?
                        returning user_id
                        """).param(hash(token)).query(Long.class).optional().flatMap(users::find);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token as listed: never the token itself. */
    public record TokenInfo(long id, String name, Instant createdAt, Instant lastUsedAt) {
    }
}
