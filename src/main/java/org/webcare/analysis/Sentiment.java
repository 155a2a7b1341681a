package org.webcare.analysis;

import org.webcare.shared.SentimentLabel;

/**
 * A post's sentiment.
 *
 * @param score from -1 (very negative) to 1 (very positive)
 */
public record Sentiment(SentimentLabel label, double score) {

    /** Scores within this distance of 0 count as neutral (chosen on the training split of the airline tweets). */
    public static final double NEUTRAL_BAND = 0.15;

    public static Sentiment of(double score) {
        double clamped = Math.max(-1, Math.min(1, score));
        SentimentLabel label = clamped >= NEUTRAL_BAND ? SentimentLabel.POSITIVE
                : clamped <= -NEUTRAL_BAND ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
        return new Sentiment(label, Math.round(clamped * 1000) / 1000.0);
    }
}
