package org.webcare.surveys;

/** What a survey link leads to: a survey to answer, the thanks after answering, or why it cannot be answered. */
public sealed interface SurveyLink {

    /** Can be answered; the page shows only the brand's name, nothing of the case. */
    record Open(Survey survey, String brandName) implements SurveyLink {
    }

    /** The answer was just taken. */
    record Accepted(Survey survey, String brandName) implements SurveyLink {
    }

    /** Answered before (on the page or in the channel), or expired. */
    record Gone(Survey survey, String brandName, boolean answered) implements SurveyLink {
    }

    record Unknown() implements SurveyLink {
    }
}
