package org.webcare.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.webcare.shared.Visibility;

class IntakeNormaliseTests {

    private static InboundPost aPost(String externalId, String handle, String text, Instant at, String inReplyTo) {
        return new InboundPost(1, externalId, handle, "Kees", text, null, at, inReplyTo);
    }

    @Test
    void defaultsToPublicAndCleansNames() {
        var post = Intake.normalise(new InboundPost(1, " 42 ", "@kees", "<i>Kees</i>\nKlant", "Hoi", null, Instant.now(), null));

        assertThat(post.externalId()).isEqualTo("42");
        assertThat(post.authorName()).isEqualTo("Kees Klant");
        assertThat(post.visibility()).isEqualTo(Visibility.PUBLIC);
    }

    @Test
    void namesEachMissingField() {
        Instant now = Instant.now();
        assertThatThrownBy(() -> Intake.normalise(aPost(null, "@a", "x", now, null))).hasMessage("externalId: is required");
        assertThatThrownBy(() -> Intake.normalise(aPost("1", " ", "x", now, null))).hasMessage("authorHandle: is required");
        assertThatThrownBy(() -> Intake.normalise(aPost("1", "@a", null, now, null))).hasMessage("text: is required");
        assertThatThrownBy(() -> Intake.normalise(aPost("1", "@a", "x", null, null))).hasMessage("createdAt: is required");
    }

    @Test
    void refusesTextThatIsOnlyMarkup() {
        assertThatThrownBy(() -> Intake.normalise(aPost("1", "@a", "<script>x()</script>", Instant.now(), null)))
                .isInstanceOf(InvalidPostException.class)
                .hasMessageContaining("text: is empty once markup");
    }

    @Test
    void refusesPostsFromTheFarFutureAndSelfReplies() {
        assertThatThrownBy(() -> Intake.normalise(aPost("1", "@a", "x", Instant.now().plus(3, ChronoUnit.DAYS), null)))
                .hasMessageContaining("createdAt: lies more than 24 hours in the future");
        assertThatThrownBy(() -> Intake.normalise(aPost("1", "@a", "x", Instant.now(), "1")))
                .hasMessage("inReplyTo: a post cannot reply to itself");
    }

    @Test
    void refusesOverlongValues() {
        assertThatThrownBy(() -> Intake.normalise(aPost("1", "@" + "a".repeat(300), "x", Instant.now(), null)))
                .hasMessage("authorHandle: is longer than 256 characters");
        assertThatThrownBy(() -> Intake.normalise(aPost("1", "@a", "x".repeat(70_000), Instant.now(), null)))
                .hasMessageContaining("text: is longer than");
    }
}
