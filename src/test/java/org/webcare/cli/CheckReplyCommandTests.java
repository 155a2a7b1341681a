package org.webcare.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CheckReplyCommandTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(String draft, String... args) {
        return new ReplyCheckCommand(new PrintStream(out, true, StandardCharsets.UTF_8))
                .run(Arguments.parse(List.of(args), Set.of("public")), new StringReader(draft));
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void printsTheFindingsOfAPublicDraftAsOneJsonLine() {
        int exit = run("Wij bellen je op 06-12345678!!\n", "--tone", "formal", "--public");

        assertThat(exit).isZero();
        assertThat(lines()).containsExactly("{\"findings\":["
                + "{\"kind\":\"tone\",\"text\":\"je\",\"message\":\"'je' does not fit the brand's formal tone; address the customer formally with u/uw\"},"
                + "{\"kind\":\"phone\",\"text\":\"06-12345678\",\"message\":\"'06-12345678' looks like a phone number and must not be in a public reply; reply privately instead\"},"
                + "{\"kind\":\"style\",\"text\":\"06-12345678!!\",\"message\":\"'06-12345678!!' has more than one exclamation mark in a row; one is enough\"}]}");
    }

    @Test
    void leavesPersonalDataOutOfAPrivateDraftAndPrintsAnEmptyListForAGoodOne() {
        assertThat(run("Wij bellen je op 06-12345678", "--tone", "personal")).isZero();
        assertThat(run("Thanks, we will call you tomorrow.", "--tone=personal", "--public")).isZero();

        assertThat(lines()).containsExactly("{\"findings\":[]}", "{\"findings\":[]}");
    }

    @Test
    void checksOrderNumbersOfTheGivenPattern() {
        run("Uw bestelling WW-123456 is onderweg", "--tone", "formal", "--public", "--order-pattern", "WW-\\d{6}");

        assertThat(lines().getFirst()).startsWith("{\"findings\":[{\"kind\":\"order\",\"text\":\"WW-123456\"");
    }

    @Test
    void refusesABadOrMissingTone() {
        assertThatThrownBy(() -> run("Hallo", "--tone", "casual"))
                .isInstanceOf(Arguments.UsageException.class).hasMessage("--tone 'casual' is not formal or personal");
        assertThatThrownBy(() -> run("Hallo", "--public"))
                .isInstanceOf(Arguments.UsageException.class).hasMessageContaining("--tone");
        assertThatThrownBy(() -> run("Hallo", "--tone", "formal", "--order-pattern", "("))
                .isInstanceOf(Arguments.UsageException.class).hasMessageStartingWith("--order-pattern is not a valid regular expression");
        assertThat(out.size()).isZero();
    }
}
