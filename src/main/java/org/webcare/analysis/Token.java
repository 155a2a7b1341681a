package org.webcare.analysis;

/**
 * One unit of a post as the analysers see it.
 *
 * @param text lower-cased form, with letters repeated three or more times shortened to two ({@code superrrr} → {@code superr})
 * @param original the form as written
 * @param elongated whether letters were repeated three or more times (an emphasis cue)
 */
record Token(String text, String original, Kind kind, boolean elongated) {

    enum Kind { WORD, NUMBER, EMOJI, EMOTICON, HASHTAG, MENTION, URL, PUNCTUATION }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    /** Written in capitals (at least two letters), e.g. {@code SLECHT}. */
    boolean shouted() {
        if (kind != Kind.WORD || original.codePointCount(0, original.length()) < 2) {
            return false;
        }
        return original.codePoints().anyMatch(Character::isLetter)
                && original.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }
}
