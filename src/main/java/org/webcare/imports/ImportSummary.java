package org.webcare.imports;

import java.util.List;
import java.util.Map;

/**
 * What an import did; printed as JSON at the end of {@code webcare import}, kept with the import's job.
 *
 * @param skippedBy why rows were skipped ({@code bad-row}, {@code no-brand}, {@code answers-nothing}, {@code refused})
 * @param problems the first lines skipped, each with its line number
 */
public record ImportSummary(String kind, String file, long rowsRead, long postsStored, long repliesRecorded,
                            long duplicates, long skipped, Map<String, Long> skippedBy, long brandsCreated,
                            long brandsReused, long casesResolved, double seconds, double rowsPerSecond,
                            List<String> problems) {
}
