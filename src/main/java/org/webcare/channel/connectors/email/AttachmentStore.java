package org.webcare.channel.connectors.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Keeps attachments as files: {@code <base>/<mailbox>/<message>/<file name>}, where the mailbox is the support address
 * and the message a hash of its Message-ID, so reading a mail again writes the same files. File names are cleaned
 * (no directories, no control or reserved characters, no leading dots, at most 100 characters) and the result is
 * checked to stay inside the message's directory. Writes go to a temporary file that is moved into place, so a
 * half-written file never carries the final name.
 */
final class AttachmentStore {

    static final int LONGEST_NAME = 100;

    private final Path base;

    AttachmentStore(Path base) {
        this.base = base.toAbsolutePath().normalize();
    }

    /** The attachment could not be written here (disk full, no permission): Webcare's fault, not the mail's. */
    static final class Unwritable extends IOException {

        Unwritable(String message, IOException cause) {
            super(message + ": " + cause.getMessage(), cause);
        }
    }

    /** What became of one attachment. */
    sealed interface Outcome {
        String fileName();
    }

    record Kept(String fileName, Path path, long bytes) implements Outcome {
    }

    record TooLarge(String fileName, long atLeastBytes) implements Outcome {
    }

    /**
     * Copies at most {@code limit} bytes; a larger attachment is not kept and no file is left behind.
     *
     * @param taken names already used in this message, so two attachments of the same name both survive
     */
    Outcome keep(String mailbox, String messageId, String fileName, InputStream content, long limit,
                 java.util.Set<String> taken) throws IOException {
        String name = unique(safeName(fileName), taken);
        Path directory = base.resolve(safeName(mailbox.toLowerCase(Locale.ROOT))).resolve(hash(messageId)).normalize();
        Path target = directory.resolve(name).normalize();
        if (!directory.startsWith(base) || !target.getParent().equals(directory)) {
            throw new IOException("attachment name '" + fileName + "' leaves its directory");
        }
        Path partial;
        try {
            Files.createDirectories(directory);
            partial = Files.createTempFile(directory, ".part-", ".tmp");
        } catch (IOException e) {
            throw new Unwritable("cannot write attachments under " + directory, e);
        }
        try {
            long copied = copy(content, partial, limit);
            if (copied > limit) {
                return new TooLarge(name, copied);
            }
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new Unwritable("cannot write attachment " + target, e);
            }
            return new Kept(name, target, copied);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** A file name that is safe on any file system and cannot name a directory. */
    static String safeName(String given) {
        String name = given == null ? "" : Normalizer.normalize(given, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || "<>:\"/\\|?*".indexOf(c) >= 0 || Character.getType(c) == Character.FORMAT) {
                clean.append('_');
            } else if (Character.isWhitespace(c)) {
                clean.append(' ');
            } else {
                clean.appendCodePoint(c);
            }
        });
        name = clean.toString().replaceAll(" {2,}", " ").strip();
        name = name.replaceFirst("^[.\\s]+", "").replaceFirst("[.\\s]+$", "");
        if (name.isEmpty()) {
            name = "attachment";
        }
        if (name.length() > LONGEST_NAME) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, LONGEST_NAME - extension.length()).strip() + extension;
        }
        return name;
    }

    private static String unique(String name, java.util.Set<String> taken) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = stem + "-" + n + extension;
        }
        return candidate;
    }

    private static long copy(InputStream in, Path target, long limit) throws IOException {
        long copied = 0;
        byte[] buffer = new byte[16 * 1024];
        OutputStream out;
        try {
            out = Files.newOutputStream(target);
        } catch (IOException e) {
            throw new Unwritable("cannot write attachment " + target, e);
        }
        try (out) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                copied += read;
                if (copied > limit) {
                    return copied;
                }
                try {
                    out.write(buffer, 0, read);
                } catch (IOException e) {
                    throw new Unwritable("cannot write attachment " + target, e);
                }
            }
        }
        return copied;
    }

    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
