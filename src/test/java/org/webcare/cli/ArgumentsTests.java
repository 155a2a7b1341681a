package org.webcare.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ArgumentsTests {

    @Test
    void readsOptionsFlagsAndPositionals() {
        Arguments args = Arguments.parse(List.of("--brand", "Acme", "--name=Support", "--no-private", "extra"), Set.of("no-private"));

        assertThat(args.required("brand")).isEqualTo("Acme");
        assertThat(args.required("name")).isEqualTo("Support");
        assertThat(args.flag("no-private")).isTrue();
        assertThat(args.positional()).containsExactly("extra");
    }

    @Test
    void namesWhatIsMissingOrUnknown() {
        assertThatThrownBy(() -> Arguments.parse(List.of("--brand"), Set.of())).hasMessage("--brand needs a value");
        assertThatThrownBy(() -> Arguments.parse(List.of(), Set.of()).required("email")).hasMessage("--email is required");
        assertThatThrownBy(() -> Arguments.parse(List.of("--colour", "red"), Set.of()).allowOnly(Set.of("name")))
                .hasMessage("unknown option --colour (known: --name)");
    }
}
