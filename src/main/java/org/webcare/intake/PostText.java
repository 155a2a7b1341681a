package org.webcare.intake;

import java.text.Normalizer;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/**
 * Turns what a customer wrote into plain text that is safe to store: markup removed (script and style content
 * dropped, not shown), Unicode normalised (NFC), control and bidirectional-override characters removed.
 *
 * <p>Plain text is still escaped wherever it is shown; this step only makes sure no markup is ever stored.
 */
public final class PostText {

    private static final Pattern LOOKS_LIKE_MARKUP = Pattern.compile("<[a-zA-Z!/][^>]*>|&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);");
    // C0/C1 controls except tab and newline; bidi embeddings/overrides/isolates, used to disguise text.
    private static final Pattern UNWANTED = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern MANY_BLANK_LINES = Pattern.compile("\\n{3,}");
    private static final Document.OutputSettings RAW = new Document.OutputSettings().prettyPrint(false);

    private PostText() {
    }

    public static String plain(String raw) {
        if (raw == null) {
            return "";
        }
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        if (LOOKS_LIKE_MARKUP.matcher(text).find()) {
            text = Jsoup.clean(text.replaceAll("(?i)<br\\s*/?>", "\n"), "", Safelist.none(), RAW);
            text = Parser.unescapeEntities(text, false);
        }
        text = Normalizer.normalize(text, Normalizer.Form.NFC);
        text = UNWANTED.matcher(text).replaceAll("");
        text = MANY_BLANK_LINES.matcher(text).replaceAll("\n\n");
        return text.strip();
    }
}
