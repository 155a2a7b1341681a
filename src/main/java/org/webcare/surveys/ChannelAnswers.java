package org.webcare.surveys;

import java.time.Clock;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.webcare.cases.AnswersAfterResolution;
import org.webcare.cases.Case;
import org.webcare.intake.Post;

/**
 * Answers to surveys asked in the channel: the customer's first post in the resolved case after the invitation that
 * is a score in range ({@link ScoreAnswer}) is the answer, linked to the case, and the case stays resolved. Any other
 * post is left to the case as usual (it reopens it); a later number after the answer reopens it too.
 */
@Component
class ChannelAnswers implements AnswersAfterResolution {

    private final SurveyRepository repository;
    private final Clock clock;

    ChannelAnswers(SurveyRepository repository, ObjectProvider<Clock> clock) {
        this.repository = repository;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Override
    public boolean take(Case resolved, Post post) {
        if (!post.authorHandle().equalsIgnoreCase(resolved.customerHandle())) {
            return false;
        }
        Optional<Survey> open = repository.lockOfCase(resolved.id())
                .filter(survey -> survey.status() == SurveyStatus.SENT && survey.askBy() == AskBy.IN_CHANNEL)
                .filter(survey -> clock.instant().isBefore(survey.expiresAt()));
        if (open.isEmpty()) {
            return false;
        }
        Optional<ScoreAnswer> answer = ScoreAnswer.read(post.text(), open.get().kind());
        answer.ifPresent(a -> repository.answered(open.get().id(), a.score(), a.comment(), clock.instant(), "CHANNEL", post.id()));
        return answer.isPresent();
    }
}
