package org.webcare.imports;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Customer Support on Twitter CSV: its columns and the way its fields are written. */
final class TwcsFile {

    static final List<String> COLUMNS = List.of("tweet_id", "author_id", "inbound", "created_at", "text",
            "response_tweet_id", "in_response_to_tweet_id");
    static final String DATE_EXAMPLE = "Wed Oct 11 06:55:44 +0000 2017";
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss xx yyyy", Locale.ENGLISH);
    private static final Pattern ID = Pattern.compile("[0-9A-Za-z_\\-]{1,64}");
    // Support agents sign after a caret, mostly with initials ("... ^RR", "-^JK"), some with a first name ("^Rashmi").
    private static final Pattern SIGNATURE = Pattern.compile("\\^\\s?(\\p{L}{1,20})\\b");

    private TwcsFile() {
    }

    /** A tweet id as the file writes it ("123", "123.0" where a tool read it as a number), or null when empty. */
    static String id(String value) {
        if (value == null) {
            return null;
        }
        String id = value.strip();
        if (id.endsWith(".0")) {
            id = id.substring(0, id.length() - 2);
        }
        return id.isEmpty() ? null : id;
    }

    static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** {@code True}/{@code False}, or null when it is neither. */
    static Boolean inbound(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** {@code Wed Oct 11 06:55:44 +0000 2017}, or null when it is not such a date. */
    static Instant createdAt(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.strip(), CREATED_AT).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The initials a brand tweet is signed with ({@code ^RR}), else the account's name. */
    static String author(String text, String account) {
        Matcher matcher = SIGNATURE.matcher(text);
        String initials = null;
        while (matcher.find()) {
            initials = matcher.group(1);
        }
        return initials == null ? account : initials;
    }
}
