package org.webcare.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SignaturesTests {

    private static final byte[] FOX = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsWithHmacSha256InHex() {
        // The well-known HMAC-SHA256 test value for key "key" and this sentence.
        assertThat(Signatures.sign("key", FOX)).isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void acceptsOnlyTheExactSignature() {
        String good = Signatures.sign("key", FOX);

        assertThat(Signatures.matches("key", FOX, good)).isTrue();
        assertThat(Signatures.matches("key", FOX, good.toUpperCase().replace("SHA256=", "sha256="))).isTrue();
        assertThat(Signatures.matches("other", FOX, good)).isFalse();
        assertThat(Signatures.matches("key", "The quick brown fox".getBytes(StandardCharsets.UTF_8), good)).isFalse();
        assertThat(Signatures.matches("key", FOX, good.substring(7))).isFalse();
        assertThat(Signatures.matches("key", FOX, null)).isFalse();
    }

    @Test
    void makesDistinctSecrets() {
        assertThat(Signatures.newSecret()).hasSize(43).isNotEqualTo(Signatures.newSecret());
    }
}
