package org.webcare.surveys;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.channel.Channels;

/**
 * Surveys and their answers on the public page: the link's token is the only key, each survey takes one answer, and
 * the page learns nothing of the case but the brand's name.
 */
@Service
public class Surveys {

    private final SurveyRepository repository;
    private final Channels channels;
    private final Clock clock;

    Surveys(SurveyRepository repository, Channels channels, ObjectProvider<Clock> clock) {
        this.repository = repository;
        this.channels = channels;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    public Optional<Survey> find(long id) {
        return repository.find(id);
    }

    public Optional<Survey> ofCase(long caseId) {
        return repository.ofCase(caseId);
    }

    /** What a link leads to, changing nothing. */
    public SurveyLink linked(String token) {
        return linked(token, false);
    }

    /**
     * Takes the answer given on the page, once.
     *
     * @throws IllegalArgumentException when the score is missing or out of the survey's scale, or the comment too long
     */
    @Transactional
    public SurveyLink answer(String token, String score, String comment) {
        SurveyLink link = linked(token, true);
        if (!(link instanceof SurveyLink.Open open)) {
            return link;
        }
        Survey survey = open.survey();
        int value = score(survey.kind(), score);
        String text = comment == null ? "" : comment.strip();
        if (text.length() > ScoreAnswer.MAX_COMMENT) {
            throw new IllegalArgumentException("comment: must be at most " + ScoreAnswer.MAX_COMMENT + " characters");
        }
        repository.answered(survey.id(), value, ScoreAnswer.comment(text), clock.instant(), "PAGE", null);
        return new SurveyLink.Accepted(repository.find(survey.id()).orElseThrow(), open.brandName());
    }

    static int score(SurveyKind kind, String score) {
        String text = score == null ? "" : score.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("score: choose a score from " + kind.min() + " to " + kind.max());
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("score: must be a whole number from " + kind.min() + " to " + kind.max() + "; got '" + text + "'");
        }
        if (!kind.inRange(value)) {
            throw new IllegalArgumentException("score: must be from " + kind.min() + " to " + kind.max() + "; got " + value);
        }
        return value;
    }

    private SurveyLink linked(String token, boolean lock) {
        if (!SurveyTokens.TOKENS.wellFormed(token)) {
            return new SurveyLink.Unknown();
        }
        Optional<Survey> found = repository.byTokenHash(SurveyTokens.TOKENS.hash(token), lock);
        if (found.isEmpty()) {
            return new SurveyLink.Unknown();
        }
        Survey survey = found.get();
        String brandName = channels.brand(survey.brandId()).map(org.webcare.channel.Brand::name).orElse("");
        if (survey.status() == SurveyStatus.ANSWERED) {
            return new SurveyLink.Gone(survey, brandName, true);
        }
        if (survey.status() != SurveyStatus.SENT || !clock.instant().isBefore(survey.expiresAt())) {
            return new SurveyLink.Gone(survey, brandName, false);
        }
        return new SurveyLink.Open(survey, brandName);
    }
}
