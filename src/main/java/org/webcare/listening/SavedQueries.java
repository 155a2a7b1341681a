package org.webcare.listening;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The saved listening queries and the matcher compiled from them. The matcher is rebuilt whenever a query is saved or
 * removed, and swapped in whole, so matching never sees half a change.
 */
@Service
public class SavedQueries {

    private static final int MAX_NAME_LENGTH = 120;
    public static final int MAX_QUERY_LENGTH = 4_000;

    private final JdbcClient jdbc;
    private final AtomicReference<Compiled> compiled = new AtomicReference<>();

    SavedQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SavedQuery> all() {
        return jdbc.sql("select id, name, query, created_at from listening_query order by name")
                .query((rs, n) -> new SavedQuery(rs.getLong("id"), rs.getString("name"), rs.getString("query"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public Optional<SavedQuery> find(long id) {
        return all().stream().filter(query -> query.id() == id).findFirst();
    }

    /**
     * Saves a query after checking it parses and can match.
     *
     * @throws QueryException with the position and what was expected when it does not
     */
    @Transactional
    public SavedQuery save(String name, String query, Long userId) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name: is required, at most " + MAX_NAME_LENGTH + " characters");
        }
        if (query != null && query.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("query: is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        QueryParser.parse(query);
        if (jdbc.sql("select count(*) from listening_query where lower(name) = lower(?)").param(cleanName).query(Long.class).single() > 0) {
            throw new IllegalArgumentException("name: a query named '" + cleanName + "' already exists");
        }
        long id = jdbc.sql("insert into listening_query (name, query, created_by) values (?, ?, ?) returning id")
                .params(cleanName, query.strip(), userId).query(Long.class).single();
        invalidateAfterCommit();
        return find(id).orElseThrow();
    }

    @Transactional
    public boolean remove(long id) {
        boolean removed = jdbc.sql("delete from listening_query where id = ?").param(id).update() == 1;
        invalidateAfterCommit();
        return removed;
    }

    /** Recompiles once the change is visible to other transactions, so no matcher is built from the old state. */
    private void invalidateAfterCommit() {
        compiled.set(null);
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            compiled.set(null);
                        }
                    });
        }
    }

    /** The ids of the saved queries the post matches. */
    public List<Long> match(MatchablePost post) {
        return current().matcher().match(post).stream().map(Long::valueOf).toList();
    }

    /** Why the post matches the saved query, or empty when it does not (or the query is gone). */
    public Optional<MatchExplanation> explain(long queryId, MatchablePost post) {
        Query query = current().queries().get(Long.toString(queryId));
        return query == null ? Optional.empty() : Optional.ofNullable(MatchExplanation.of(query, post));
    }

    private Compiled current() {
        Compiled current = compiled.get();
        if (current == null) {
            current = compile();
            compiled.set(current);
        }
        return current;
    }

    private Compiled compile() {
        Map<String, Query> queries = new LinkedHashMap<>();
        for (SavedQuery saved : all()) {
            try {
                queries.put(Long.toString(saved.id()), QueryParser.parse(saved.query()));
            } catch (QueryException e) {
                // Saved queries were checked when saved; one that a later version reads differently is skipped, not fatal.
                org.slf4j.LoggerFactory.getLogger(SavedQueries.class).warn("Skipping saved query {}: {}", saved.id(), e.getMessage());
            }
        }
        return new Compiled(QueryMatcher.of(queries), Map.copyOf(queries));
    }

    private record Compiled(QueryMatcher matcher, Map<String, Query> queries) {
    }
}
