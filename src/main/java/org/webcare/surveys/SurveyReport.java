package org.webcare.surveys;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The survey report of a period: totals, one row per group, the series over days or weeks, recent comments.
 *
 * @param series per day (periods up to 31 days) or per ISO week, oldest first; {@code start} is the bucket's first day
 */
public record SurveyReport(SurveyQuery query, SurveyFigures total, List<SurveyFigures> rows, String seriesUnit,
                           List<Point> series, List<Comment> comments) {

    public record Point(LocalDate start, SurveyFigures figures) {
    }

    /** A customer's comment: their text, hostile input, escape on output. */
    public record Comment(long surveyId, long caseId, String brandName, SurveyKind kind, int score, String comment,
                          Instant answeredAt, String agentName) {
    }
}
