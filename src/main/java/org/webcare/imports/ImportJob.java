package org.webcare.imports;

import java.time.Instant;
import java.util.List;

/**
 * An import started over the REST API or the admin page, with its figures so far.
 *
 * @param state {@code running}, {@code done} or {@code failed}
 * @param problems the first lines skipped, each with its line number
 * @param summary the summary as JSON once done, else {@code null}
 * @param error why it failed, or {@code null}
 */
public record ImportJob(long id, String kind, Long channelId, String fileName, Long fileBytes, String state,
                        Instant startedAt, Instant finishedAt, long rowsRead, long postsStored, long repliesRecorded,
                        long duplicates, long skipped, long casesResolved, List<String> problems, String summary,
                        String error) {

    public boolean running() {
        return "running".equals(state);
    }
}
