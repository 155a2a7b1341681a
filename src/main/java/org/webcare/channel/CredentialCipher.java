package org.webcare.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.webcare.database.DatabaseSettings;

/**
 * Encrypts channel credentials with AES-256-GCM (a fresh 96-bit nonce per value, authenticated). The key comes from
 * {@code WEBCARE_SECRET_KEY} (32 bytes, base64); without it, on the embedded database, from {@code secret.key} in the
 * data directory, created on first use and readable by its owner only. The key is never stored in the database, so a
 * copy of the database alone does not give the credentials away. With an external database the key must be set.
 */
@Component
class CredentialCipher {

    private static final String AAD = "webcare:channel-credentials:v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String configuredKey;
    private final DatabaseSettings database;
    private volatile SecretKey key;

    CredentialCipher(@Value("${webcare.secret-key:}") String configuredKey, DatabaseSettings database) {
        this.configuredKey = configuredKey;
        this.database = database;
    }

    String encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(AAD.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a credential", e);
        }
    }

    /** @throws IllegalStateException when the value was encrypted with another key or altered */
    String decrypt(String encoded) {
        try {
            byte[] in = Base64.getDecoder().decode(encoded);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(AAD.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A channel's credentials cannot be decrypted: was WEBCARE_SECRET_KEY changed?"
                    + " Enter the credentials again.", e);
        }
    }

    private SecretKey key() {
        SecretKey current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                current = key;
            }
        }
        return current;
    }

    private SecretKey load() {
        if (!configuredKey.isBlank()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(configuredKey.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("WEBCARE_SECRET_KEY is not base64: create one with 'openssl rand -base64 32'");
            }
            if (bytes.length != 32) {
                throw new IllegalStateException("WEBCARE_SECRET_KEY must be 32 bytes (base64 of 'openssl rand -base64 32'), got " + bytes.length);
            }
            return new SecretKeySpec(bytes, "AES");
        }
        if (!database.embedded()) {
            throw new IllegalStateException("Channel credentials need WEBCARE_SECRET_KEY when the database is external:"
                    + " create one with 'openssl rand -base64 32' and keep it outside the database");
        }
        Path file = database.dataDir().toAbsolutePath().normalize().resolve("secret.key");
        try {
            if (!Files.exists(file)) {
                KeyGenerator generator = KeyGenerator.getInstance("AES");
                generator.init(256, random);
                Files.createDirectories(file.getParent());
                Path temporary = Files.createTempFile(file.getParent(), "secret", ".key");
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system: the directory's own permissions protect it.
                }
                Files.writeString(temporary, Base64.getEncoder().encodeToString(generator.generateKey().getEncoded()));
                try {
                    Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    Files.deleteIfExists(temporary);
                }
            }
            return new SecretKeySpec(Base64.getDecoder().decode(Files.readString(file).strip()), "AES");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
