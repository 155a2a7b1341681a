package org.webcare.intake;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** Read access to stored posts. */
@Service
public class Posts {

    private final PostRepository repository;

    Posts(PostRepository repository) {
        this.repository = repository;
    }

    public Optional<Post> find(long id) {
        return repository.find(id);
    }

    /** Reads the analysis columns of a {@code post} row selected elsewhere (read models), or {@code null}. */
    public static org.webcare.analysis.Analysis analysisOf(java.sql.ResultSet row) throws java.sql.SQLException {
        return AnalysisColumns.read(row);
    }

    /** Reads the matched-queries column of a {@code post} row selected elsewhere (read models). */
    public static java.util.List<Long> matchedQueriesOf(java.sql.ResultSet row) throws java.sql.SQLException {
        return PostRepository.matched(row);
    }

    /** The posts with these ids, oldest first. */
    public List<Post> all(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : repository.all(ids);
    }

    /** The id of the post a channel stored under this platform id, if it is stored (history imports look up what they answer). */
    public Optional<Long> idOf(long channelId, String externalId) {
        return repository.idOf(channelId, externalId);
    }

    /** The posts of one thread, oldest first. */
    public List<Post> thread(long threadId) {
        return repository.thread(threadId);
    }
}
