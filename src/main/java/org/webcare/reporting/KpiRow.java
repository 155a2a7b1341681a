package org.webcare.reporting;

/**
 * The figures of one brand, channel, team or agent in a period.
 *
 * @param key the brand/channel/agent id as text, or the team name
 * @param monitored all posts received in the period
 * @param addressed posts addressed to the brand or private (the ones a case was opened or continued for)
 * @param overheard posts that only mention the brand or its topics
 * @param answered addressed posts the team replied to, directly or by replying to a later message of the same case
 * @param answerRate answered / addressed (null when nothing was addressed)
 * @param replyTime for each agent reply in the period: the time since the customer post it answers
 * @param firstResponse per case opened in the period: first customer message to first agent reply, calendar time
 * @param firstResponseWorking the same in the working time of the brand's business calendar (null without one)
 * @param resolution per case resolved in the period: first customer message to resolution, calendar time
 * @param resolutionWorking the same in working time (null without a calendar)
 * @param publicToPrivateShare share of cases opened in the period that went from a public post to a private message
 * @param negativeShare share of monitored posts with negative sentiment (null when none)
 */
public record KpiRow(KpiDimension dimension, String key, String label,
                     long monitored, long addressed, long overheard, long answered, Double answerRate,
                     DurationFigures replyTime, DurationFigures firstResponse, DurationFigures firstResponseWorking,
                     DurationFigures resolution, DurationFigures resolutionWorking,
                     long casesOpened, long casesResolved, Double publicToPrivateShare, Double negativeShare) {
}
