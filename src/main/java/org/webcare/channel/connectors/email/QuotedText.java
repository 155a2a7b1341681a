package org.webcare.channel.connectors.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts what the customer did not write from a plain-text mail: the quoted earlier messages and the signature, so a
 * post holds the new words only. Rules, in English and Dutch (and German, which Dutch customers' clients also send):
 * <ul>
 *   <li>an attribution line starts the quote: "On … wrote:" (Gmail, Apple Mail), "Op … schreef …:",
 *       "Op … heeft … het volgende geschreven:", "Am … schrieb …:"; it may be wrapped over three lines, and it must
 *       name an address or be followed by quoted lines;</li>
 *   <li>"-----Original Message-----" and its Dutch and German forms start the quote;</li>
 *   <li>an Outlook header block ("From:"/"Van:" followed within a few lines by "Sent:"/"Verzonden:"/"To:"/"Aan:"/
 *       "Subject:"/"Onderwerp:") starts the quote, as does the line of underscores above it;</li>
 *   <li>lines starting with {@code >} are quoted, wherever they are (answers written between them stay);</li>
 *   <li>the signature delimiter {@code "-- "} and device lines ("Sent from my iPhone", "Verstuurd vanaf mijn iPhone",
 *       "Get Outlook for Android") end the message.</li>
 * </ul>
 * When nothing would be left, the text is returned whole: a post that only forwards a quote still says something.
 */
final class QuotedText {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern ATTRIBUTION_START = Pattern.compile("^(on|op|am)\\s.*", FLAGS);
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^(on\\s.+\\swrote:"
                    + "|op\\s.+\\sschreef\\s.*:"
                    + "|op\\s.+\\shet volgende geschreven\\s?:"
                    + "|am\\s.+\\sschrieb\\s.*:)$", FLAGS);
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^-{2,}\\s*(original message|oorspronkelijk bericht|origineel bericht|oorspronkelijk e-mailbericht"
                    + "|ursprüngliche nachricht)\\s*-{2,}$", FLAGS);
    private static final Pattern HEADER_FROM = Pattern.compile("^\\*?(from|van|von)\\s?:\\*?\\s.*", FLAGS);
    private static final Pattern HEADER_OTHER = Pattern.compile(
            "^\\*?(sent|date|to|cc|subject|verzonden|datum|aan|onderwerp|gesendet|an|betreff)\\s?:\\*?.*", FLAGS);
    private static final Pattern UNDERSCORES = Pattern.compile("^_{10,}$");
    private static final Pattern DEVICE = Pattern.compile(
            "^(sent from my |sent from (mail|outlook|yahoo)|sent with proton|get outlook for "
                    + "|verstuurd vanaf mijn |verzonden vanaf mijn |(verzonden|verstuurd) (vanuit|met) (mail|outlook|yahoo|proton) "
                    + "|download outlook voor |von meinem .+ gesendet).{0,60}$", FLAGS);
    private static final int LONGEST_ATTRIBUTION_LINES = 3;
    private static final int HEADER_BLOCK_LINES = 6;

    private QuotedText() {
    }

    static String strip(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        List<String> lines = text.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        int end = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            if (startsQuoteOrSignature(lines, i)) {
                end = i;
                break;
            }
        }
        List<String> kept = new ArrayList<>();
        for (String line : lines.subList(0, end)) {
            if (!line.stripLeading().startsWith(">")) {
                kept.add(line.stripTrailing());
            }
        }
        String result = tidy(kept);
        return result.isEmpty() ? tidy(lines.stream().map(String::stripTrailing).toList()) : result;
    }

    private static boolean startsQuoteOrSignature(List<String> lines, int i) {
        String raw = lines.get(i);
        String line = raw.strip();
        if (raw.equals("-- ") || raw.equals("--")) {
            return true;
        }
        if (DEVICE.matcher(line).matches() || ORIGINAL_MESSAGE.matcher(line).matches()) {
            return true;
        }
        if (UNDERSCORES.matcher(line).matches()) {
            return i + 1 < lines.size() && isHeaderBlock(lines, i + 1);
        }
        return isHeaderBlock(lines, i) || isAttribution(lines, i);
    }

    /**
     * An attribution names the quoted sender's address or is followed by quoted lines; "Op maandag schreef ik u al:"
     * in the customer's own words is neither.
     */
    private static boolean isAttribution(List<String> lines, int i) {
        if (!ATTRIBUTION_START.matcher(lines.get(i).strip()).matches()) {
            return false;
        }
        StringBuilder joined = new StringBuilder();
        for (int j = i; j < Math.min(lines.size(), i + LONGEST_ATTRIBUTION_LINES); j++) {
            if (lines.get(j).isBlank()) {
                return false;
            }
            joined.append(joined.isEmpty() ? "" : " ").append(lines.get(j).strip());
            if (ATTRIBUTION.matcher(joined).matches()) {
                return joined.indexOf("@") >= 0 || quoteFollows(lines, j + 1);
            }
        }
        return false;
    }

    private static boolean quoteFollows(List<String> lines, int from) {
        for (int k = from; k < lines.size(); k++) {
            if (!lines.get(k).isBlank()) {
                return lines.get(k).stripLeading().startsWith(">");
            }
        }
        return false;
    }

    private static boolean isHeaderBlock(List<String> lines, int i) {
        if (!HEADER_FROM.matcher(lines.get(i).strip()).matches()) {
            return false;
        }
        int others = 0;
        for (int j = i + 1; j < Math.min(lines.size(), i + HEADER_BLOCK_LINES); j++) {
            if (HEADER_OTHER.matcher(lines.get(j).strip()).matches()) {
                others++;
            }
        }
        return others >= 2;
    }

    /** Without leading and trailing blank lines, and at most one blank line in a row. */
    private static String tidy(List<String> lines) {
        StringBuilder text = new StringBuilder();
        boolean blank = false;
        for (String line : lines) {
            if (line.isBlank()) {
                blank = !text.isEmpty();
                continue;
            }
            if (blank) {
                text.append('\n');
                blank = false;
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(line);
        }
        return text.toString();
    }
}
