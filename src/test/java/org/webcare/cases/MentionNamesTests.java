package org.webcare.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MentionNamesTests {

    private static final MentionNames.Colleague ANNE = new MentionNames.Colleague(1, "anne.devries@polderstroom.nl", "Anne de Vries");
    private static final MentionNames.Colleague BRAM = new MentionNames.Colleague(2, "b.jansen@polderstroom.nl", "Bram Jansen");
    private static final MentionNames.Colleague BRAM_TOO = new MentionNames.Colleague(3, "bram.smit@polderstroom.nl", "Bram Smit");
    private static final List<MentionNames.Colleague> TEAM = List.of(ANNE, BRAM, BRAM_TOO);

    @Test
    void findsColleaguesByTheLocalPartOfTheirAddressCaseInsensitively() {
        assertThat(MentionNames.in("@Anne.DeVries kun je dit bekijken?", TEAM)).containsExactly(ANNE);
        assertThat(MentionNames.in("vraag het @b.jansen", TEAM)).containsExactly(BRAM);
    }

    @Test
    void findsAColleagueByAFirstNameOnlyTheyHave() {
        assertThat(MentionNames.in("@anne, zie hieronder", TEAM)).containsExactly(ANNE);
    }

    @Test
    void leavesAFirstNameTwoColleaguesShareAndUnknownNamesAsText() {
        assertThat(MentionNames.in("@Bram en @Karel, wie weet dit?", TEAM)).isEmpty();
    }

    @Test
    void trailingPunctuationIsNotPartOfTheName() {
        assertThat(MentionNames.in("Dank je @anne.devries.", TEAM)).containsExactly(ANNE);
        assertThat(MentionNames.in("(@bram.smit)", TEAM)).containsExactly(BRAM_TOO);
    }

    @Test
    void anAddressInTheTextMentionsNobody() {
        assertThat(MentionNames.in("de klant schreef naar info@anne.nl", TEAM)).isEmpty();
    }

    @Test
    void namesEachColleagueOnceInTheOrderWritten() {
        assertThat(MentionNames.in("@bram.smit @Anne @bram.smit", TEAM)).containsExactly(BRAM_TOO, ANNE);
    }
}
