package org.webcare.surveys;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer's post read as a survey answer: a number in the survey's range at the start ("4", "9/10", "8 !",
 * "7, snel geholpen"), optionally "out of" the scale's maximum, and any text after it as the comment. Anything else
 * (a number out of range, "4kg", "10:30", "3/4") is no answer. A post that starts with a number and goes on ("2
 * pakketten kwijt") is read as score and comment: the customer was just asked for a number.
 *
 * @param comment what followed the number, or {@code null}
 */
record ScoreAnswer(int score, String comment) {

    static final int MAX_COMMENT = 2_000;

    // The number, optionally "/max" or "van max"/"out of max", then punctuation, then the rest.
    private static final Pattern SHAPE = Pattern.compile(
            "^\\s*(\\d{1,2})(?!\\d)(?:\\s*(?:/|van|out of|uit)\\s*(\\d{1,2}))?(?:[\\s!.,:;)\\-–]+(.*))?\\s*$",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    static Optional<ScoreAnswer> read(String text, SurveyKind kind) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int score = Integer.parseInt(m.group(1));
        if (!kind.inRange(score)) {
            return Optional.empty();
        }
        if (m.group(2) != null && Integer.parseInt(m.group(2)) != kind.max()) {
            return Optional.empty();
        }
        String rest = m.group(3) == null ? "" : m.group(3).strip();
        if (!rest.isEmpty() && Character.isDigit(rest.charAt(0))) {
            return Optional.empty(); // "10:30", "4. 5 keer gebeld": a time or a list, not a score
        }
        return Optional.of(new ScoreAnswer(score, comment(rest)));
    }

    /** The comment as kept: stripped, {@code null} when empty, at most {@link #MAX_COMMENT} characters. */
    static String comment(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            return null;
        }
        return stripped.length() > MAX_COMMENT ? stripped.substring(0, MAX_COMMENT) : stripped;
    }
}
