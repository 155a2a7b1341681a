package org.webcare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebcareUserTests {

    private static WebcareUser named(String name) {
        return new WebcareUser(1, "x@example.org", name, Role.AGENT, "hash");
    }

    @Test
    void signsWithTheInitialsOfTheNameLikeDutchWebcareTeams() {
        assertThat(named("Jan de Vries").initials()).isEqualTo("JV");
        assertThat(named("Anne").initials()).isEqualTo("A");
        assertThat(named("Maria Sophia van Bergen Henegouwen").initials()).isEqualTo("MH");
        assertThat(named("ilse").initials()).isEqualTo("I");
    }

    @Test
    void neverShowsThePasswordHashInLogs() {
        assertThat(named("Jan").toString()).doesNotContain("hash");
    }
}
