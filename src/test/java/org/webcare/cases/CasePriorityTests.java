package org.webcare.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.webcare.analysis.Analysis;
import org.webcare.analysis.DetectedLanguage;
import org.webcare.analysis.Sentiment;
import org.webcare.intake.Post;
import org.webcare.shared.Intent;
import org.webcare.shared.Visibility;

class CasePriorityTests {

    private static final Instant NOW = Instant.parse("2026-11-23T16:30:00Z");
    private static final Duration ESCALATION = Duration.ofHours(4);

    @Test
    void followsTheItilMatrix() {
        assertThat(Priority.matrix(Priority.Level.HIGH, Priority.Level.HIGH)).isEqualTo(1);
        assertThat(Priority.matrix(Priority.Level.HIGH, Priority.Level.LOW)).isEqualTo(3);
        assertThat(Priority.matrix(Priority.Level.MEDIUM, Priority.Level.MEDIUM)).isEqualTo(3);
        assertThat(Priority.matrix(Priority.Level.LOW, Priority.Level.HIGH)).isEqualTo(3);
        assertThat(Priority.matrix(Priority.Level.LOW, Priority.Level.LOW)).isEqualTo(5);
    }

    @Test
    void aPublicComplaintByAnInfluencerOutranksTheSameComplaintInPrivate() {
        Priority publicOne = assess(post(Visibility.PUBLIC, 250_000L, 60, -0.6, Intent.COMPLAINT), null);
        Priority privateOne = assess(post(Visibility.PRIVATE, 250_000L, 60, -0.6, Intent.COMPLAINT), null);

        assertThat(publicOne.value()).isEqualTo(2);
        assertThat(publicOne.reasons()).containsExactly("followers=250000", "intent=complaint");
        assertThat(privateOne.value()).isEqualTo(4);
        assertThat(privateOne.reasons()).containsExactly("private", "intent=complaint");
    }

    @Test
    void cancellingOrUrgentIsHighUrgencyAndNegativeSentimentMedium() {
        assertThat(assess(post(Visibility.PRIVATE, null, 0, 0, Intent.CANCEL), null).urgency()).isEqualTo(Priority.Level.HIGH);
        assertThat(assess(post(Visibility.PRIVATE, null, 0, -0.8), null).urgency()).isEqualTo(Priority.Level.MEDIUM);
        assertThat(assess(post(Visibility.PRIVATE, null, 0, 0.5, Intent.QUESTION), null).urgency()).isEqualTo(Priority.Level.LOW);
    }

    @Test
    void waitingLongerThanTheEscalationTimeRaisesUrgencyOneStep() {
        Post question = post(Visibility.PUBLIC, 40L, 10, 0.1, Intent.QUESTION);

        Priority fresh = assess(question, NOW.minus(Duration.ofHours(1)));
        Priority waited = assess(question, NOW.minus(Duration.ofHours(5)));

        assertThat(fresh.value()).isEqualTo(5);
        assertThat(waited.value()).isEqualTo(4);
        assertThat(waited.reasons()).contains("waiting=5");
    }

    @Test
    void refusesPrioritiesOutsideOneToFive() {
        assertThatThrownBy(() -> new Priority(Priority.Level.LOW, Priority.Level.LOW, 0, List.of()))
                .hasMessageStartingWith("priority:");
    }

    @Test
    void theLifecycleAllowsOnlyItsTransitions() {
        assertThat(CaseStatus.NEW.canMoveTo(CaseStatus.OPEN)).isTrue();
        assertThat(CaseStatus.RESOLVED.canMoveTo(CaseStatus.OPEN)).isTrue();
        assertThat(CaseStatus.OPEN.canMoveTo(CaseStatus.CLOSED)).isFalse();
        assertThat(CaseStatus.CLOSED.next()).isEmpty();
        assertThat(CaseStatus.parse("pending-internal")).isEqualTo(CaseStatus.PENDING_INTERNAL);
        assertThatThrownBy(() -> CaseStatus.parse("done")).hasMessageContaining("got 'done'");
    }

    private static Priority assess(Post post, Instant waitingSince) {
        return CasePriority.assess(List.of(post), waitingSince, NOW, ESCALATION);
    }

    private static Post post(Visibility visibility, Long followers, int reach, double sentiment, Intent... intents) {
        Analysis analysis = new Analysis(new DetectedLanguage("nl", 0.9), Sentiment.of(sentiment),
                intents.length == 0 ? Set.of() : Set.of(intents), true, reach);
        return new Post(1, 1, "x", "@klant", null, "tekst", visibility, NOW, NOW, null, null, 1, analysis, List.of(),
                followers, "api", null, null, null);
    }
}
