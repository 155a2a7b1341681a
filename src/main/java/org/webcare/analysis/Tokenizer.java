package org.webcare.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits social-media text into words, emoji, emoticons, hashtags, mentions, URLs and punctuation. Written for
 * posts rather than taken from a general-purpose analyser because emoticons ({@code :-(}), elongations
 * ({@code superrrr}) and emoji sequences carry the sentiment here and general tokenisers drop or split them.
 */
final class Tokenizer {

    private static final Pattern TOKEN = Pattern.compile(String.join("|",
            "(?<url>https?://\\S+|www\\.\\S+)",
            "(?<mention>@[\\p{L}\\p{N}_.]+)",
            "(?<hashtag>#[\\p{L}\\p{N}_]+)",
            "(?<emoticon>(?<![\\p{L}\\p{N}])(?:[:;=8xX][-'^o]?[)(\\]\\[dDpP/\\\\|*3oO@$]+|<3+|</3|[)(][-'^]?[:;=]|\\^_?\\^|-_-|:'\\()(?![\\p{L}\\p{N}]))",
            "(?<word>[\\p{L}][\\p{L}\\p{M}'’\\-]*[\\p{L}\\p{M}]|[\\p{L}])",
            "(?<number>\\p{N}+(?:[.,:]\\p{N}+)*)",
            "(?<emoji>\\p{So}(?:\\uFE0F|[\\x{1F3FB}-\\x{1F3FF}]|\\u200D\\p{So})*)",
            "(?<punct>[!?.,;:…]+)"));
    private static final Pattern REPEATS = Pattern.compile("(\\p{L})\\1{2,}");

    private Tokenizer() {
    }

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            String original = matcher.group();
            if (matcher.group("url") != null) {
                tokens.add(new Token(original, original, Token.Kind.URL, false));
            } else if (matcher.group("mention") != null) {
                tokens.add(new Token(original.toLowerCase(Locale.ROOT), original, Token.Kind.MENTION, false));
            } else if (matcher.group("hashtag") != null) {
                tokens.add(new Token(original.toLowerCase(Locale.ROOT), original, Token.Kind.HASHTAG, false));
            } else if (matcher.group("emoticon") != null) {
                tokens.add(new Token(original, original, Token.Kind.EMOTICON, false));
            } else if (matcher.group("word") != null) {
                String lower = original.toLowerCase(Locale.ROOT).replace('’', '\'');
                String shortened = REPEATS.matcher(lower).replaceAll("$1$1");
                tokens.add(new Token(shortened, original, Token.Kind.WORD, !shortened.equals(lower)));
            } else if (matcher.group("number") != null) {
                tokens.add(new Token(original, original, Token.Kind.NUMBER, false));
            } else if (matcher.group("emoji") != null) {
                tokens.add(new Token(original.replace("\uFE0F", ""), original, Token.Kind.EMOJI, false));
            } else {
                tokens.add(new Token(original, original, Token.Kind.PUNCTUATION, false));
            }
        }
        return tokens;
    }
}
