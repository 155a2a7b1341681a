package org.webcare.surveys;

/**
 * The figures of one row of the survey report (or its total). Shares and rates are percentages rounded to one
 * decimal; averages are rounded to two; {@code null} where nothing was counted.
 *
 * @param invitations surveys sent in the period
 * @param answers of those, the answered ones
 * @param responseRate answers per invitation
 * @param csatShare CSAT answers of 4 or 5 among all CSAT answers
 * @param cesEasyShare CES answers of 5 to 7 among all CES answers
 * @param nps percentage of promoters (9-10) minus percentage of detractors (0-6) among NPS answers
 */
public record SurveyFigures(String key, String label, long invitations, long answers, Double responseRate,
                            long csatAnswers, long csatSatisfied, Double csatShare, Double csatAverage,
                            long cesAnswers, long cesEasy, Double cesEasyShare, Double cesAverage,
                            long npsAnswers, long promoters, long passives, long detractors, Double nps) {
}
