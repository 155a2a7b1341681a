package org.webcare.reporting;

import java.time.Instant;
import java.util.List;

/**
 * What a listening dashboard shows for one brand or query over one range.
 *
 * @param volume posts per bucket, oldest first, empty buckets included
 * @param sentiment posts per sentiment ({@code negative}, {@code neutral}, {@code positive}, {@code unknown})
 */
public record ListeningFigures(DashboardRange range, Instant since, long total, List<Bucket> volume,
                               List<Count> sentiment, List<Author> topAuthors, List<Count> topTerms,
                               List<Count> sources) {

    public long peak() {
        return volume.stream().mapToLong(Bucket::posts).max().orElse(0);
    }

    public long count(String sentimentLabel) {
        return sentiment.stream().filter(c -> c.name().equals(sentimentLabel)).mapToLong(Count::count).findFirst().orElse(0);
    }

    /** Share of all posts, in whole per cent. */
    public long percent(long part) {
        return total == 0 ? 0 : Math.round(100.0 * part / total);
    }

    /** @param start the bucket's start */
    public record Bucket(Instant start, long posts) {
    }

    public record Count(String name, long count) {
    }

    /**
     * @param followers the most followers seen for the author in the range, or {@code null} when no platform told
     * @param reach the highest reach score (0–100) of the author's posts
     */
    public record Author(String handle, String name, Long followers, int reach, long posts) {
    }
}
