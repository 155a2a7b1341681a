package org.webcare.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizerTests {

    @Test
    void keepsEmoticonsEmojiMentionsHashtagsAndUrlsWhole() {
        assertThat(Tokenizer.tokenize("@KPN storing?! :-( 😡😡 #fail https://t.co/x <3").stream().map(Token::kind))
                .containsExactly(Token.Kind.MENTION, Token.Kind.WORD, Token.Kind.PUNCTUATION, Token.Kind.EMOTICON,
                        Token.Kind.EMOJI, Token.Kind.EMOJI, Token.Kind.HASHTAG, Token.Kind.URL, Token.Kind.EMOTICON);
    }

    @Test
    void shortensElongatedWordsAndRemembersTheEmphasis() {
        Token token = Tokenizer.tokenize("Superrrrr").getFirst();

        assertThat(token.text()).isEqualTo("superr");
        assertThat(token.elongated()).isTrue();
        assertThat(Tokenizer.tokenize("SLECHT").getFirst().shouted()).isTrue();
        assertThat(Tokenizer.tokenize("A").getFirst().shouted()).isFalse();
    }

    @Test
    void keepsDutchWordsWithApostrophesAndHyphens() {
        assertThat(Tokenizer.tokenize("'s ochtends e-mail can't").stream().map(Token::text))
                .containsExactly("s", "ochtends", "e-mail", "can't");
    }
}
