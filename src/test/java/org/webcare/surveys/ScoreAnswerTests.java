package org.webcare.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which posts read as a score, and what of them is the comment. */
class ScoreAnswerTests {

    @Test
    void aNumberInRangeWithOptionalScaleAndComment() {
        assertThat(ScoreAnswer.read("4", SurveyKind.CSAT)).contains(new ScoreAnswer(4, null));
        assertThat(ScoreAnswer.read(" 9/10 ", SurveyKind.NPS)).contains(new ScoreAnswer(9, null));
        assertThat(ScoreAnswer.read("8 !", SurveyKind.NPS)).contains(new ScoreAnswer(8, null));
        assertThat(ScoreAnswer.read("7, snel geholpen", SurveyKind.CES)).contains(new ScoreAnswer(7, "snel geholpen"));
        assertThat(ScoreAnswer.read("0 van 10. nooit meer", SurveyKind.NPS)).contains(new ScoreAnswer(0, "nooit meer"));
        assertThat(ScoreAnswer.read("5 out of 5 great", SurveyKind.CSAT)).contains(new ScoreAnswer(5, "great"));
    }

    @Test
    void anythingElseIsNoAnswer() {
        assertThat(ScoreAnswer.read("6", SurveyKind.CSAT)).as("out of range").isEmpty();
        assertThat(ScoreAnswer.read("0", SurveyKind.CES)).isEmpty();
        assertThat(ScoreAnswer.read("4kg", SurveyKind.CSAT)).isEmpty();
        assertThat(ScoreAnswer.read("10:30 kan ik bellen?", SurveyKind.NPS)).isEmpty();
        assertThat(ScoreAnswer.read("3/4", SurveyKind.CSAT)).as("not this survey's scale").isEmpty();
        assertThat(ScoreAnswer.read("123", SurveyKind.NPS)).isEmpty();
        assertThat(ScoreAnswer.read("top, 9", SurveyKind.NPS)).isEmpty();
        assertThat(ScoreAnswer.read("", SurveyKind.NPS)).isEmpty();
    }
}
