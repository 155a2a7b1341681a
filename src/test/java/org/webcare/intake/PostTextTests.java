package org.webcare.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostTextTests {

    @Test
    void removesTagsAndScriptContent() {
        assertThat(PostText.plain("<b>Boos</b> <script>steal()</script><style>p{}</style>klant"))
                .isEqualTo("Boos klant");
    }

    @Test
    void decodesEntitiesOnlyOnceMarkupIsRemoved() {
        assertThat(PostText.plain("Ik &amp; mijn buren &lt;3 jullie")).isEqualTo("Ik & mijn buren <3 jullie");
    }

    @Test
    void leavesTextThatOnlyLooksSpecialAlone() {
        assertThat(PostText.plain("I <3 you, 2 < 3 and 5 > 4 :-> #storing @KPN")).isEqualTo("I <3 you, 2 < 3 and 5 > 4 :-> #storing @KPN");
    }

    @Test
    void keepsLineBreaksAndTurnsBrIntoThem() {
        assertThat(PostText.plain("Regel een<br>Regel twee\r\nRegel drie\n\n\n\n\nEinde"))
                .isEqualTo("Regel een\nRegel twee\nRegel drie\n\nEinde");
    }

    @Test
    void removesControlAndBidiOverrideCharacters() {
        assertThat(PostText.plain("factuur\u202Efdp.exe\u0000\u0007 ok")).isEqualTo("factuurfdp.exe ok");
    }

    @Test
    void keepsEmojiAndNormalisesToComposedForm() {
        assertThat(PostText.plain("Cafe\u0301 👩‍💻 🇳🇱")).isEqualTo("Café 👩‍💻 🇳🇱");
    }
}
