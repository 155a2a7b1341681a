package org.webcare.incidents;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.webcare.cases.Cases;
import org.webcare.intake.Post;
import org.webcare.intake.PostArchive;
import org.webcare.intake.Posts;
import org.webcare.listening.Query;
import org.webcare.listening.QueryException;
import org.webcare.listening.QueryParser;
import org.webcare.listening.SavedQueries;

/**
 * Finds the cases an incident may hold: active cases of its brand with a post in the period that matches a query in
 * the listening language ({@code (storing OR uitval) AND internet}, field filters included). The newest posts are
 * searched first, at most {@link #MAX_POSTS_SCANNED} of them, so a wide period stays quick and favours recent cases.
 */
@Service
public class Candidates {

    static final int MAX_POSTS_SCANNED = 5_000;

    private final Incidents incidents;
    private final IncidentRepository repository;
    private final Cases cases;
    private final Posts posts;
    private final IncidentSettings settings;
    private final JdbcClient jdbc;

    Candidates(Incidents incidents, IncidentRepository repository, Cases cases, Posts posts, IncidentSettings settings,
               JdbcClient jdbc) {
        this.incidents = incidents;
        this.repository = repository;
        this.cases = cases;
        this.posts = posts;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    /**
     * Candidates for an open incident, the case with the newest matching post first; cases already in it are left out.
     *
     * @param since start of the period; {@code null}: {@code webcare.incidents.candidate-period} ago
     * @param until end of the period; {@code null}: now
     */
    public List<Candidate> find(long incidentId, String query, Instant since, Instant until) {
        Incident incident = incidents.get(incidentId);
        if (!incident.isOpen()) {
            throw new org.webcare.shared.ConflictException("incident: #" + incidentId + " is resolved");
        }
        Query parsed = parse(query);
        Instant end = until == null ? Instant.now() : until;
        Instant start = since == null ? end.minus(settings.candidatePeriod()) : since;
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("since: must be before " + (until == null ? "now" : "until"));
        }
        // A read model over the cases' posts; which posts a case holds is the cases module's, read here as it is stored.
        Map<Long, Long> caseOfPost = new LinkedHashMap<>();
        jdbc.sql("""
                        select p.id, cp.case_id from post p
                        join case_post cp on cp.post_id = p.id
                        join support_case sc on sc.id = cp.case_id
                        where sc.brand_id = :brand and sc.status not in ('RESOLVED', 'CLOSED')
                          and sc.merged_into_case_id is null
                          and p.created_at >= :since and p.created_at < :until
                          and not exists (select 1 from incident_case ic where ic.incident_id = :incident and ic.case_id = sc.id)
                        order by p.created_at desc, p.id desc limit :limit""")
                .param("brand", incident.brandId()).param("since", Timestamp.from(start))
                .param("until", Timestamp.from(end)).param("incident", incidentId).param("limit", MAX_POSTS_SCANNED)
                .query(rs -> {
                    caseOfPost.put(rs.getLong("id"), rs.getLong("case_id"));
                });
        List<Post> found = new ArrayList<>(posts.all(caseOfPost.keySet()));
        found.sort(Comparator.comparing(Post::createdAt).thenComparing(Post::id).reversed());
        Map<Long, List<Candidate.MatchedPost>> byCase = new LinkedHashMap<>();
        for (Post post : found) {
            long caseId = caseOfPost.get(post.id());
            if (!byCase.containsKey(caseId) && byCase.size() >= settings.maxCandidates()) {
                continue;
            }
            if (parsed.matches(PostArchive.matchable(post))) {
                byCase.computeIfAbsent(caseId, id -> new ArrayList<>())
                        .add(new Candidate.MatchedPost(post.id(), post.text(), post.visibility(), post.createdAt()));
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        byCase.forEach((caseId, matched) -> candidates.add(new Candidate(cases.get(caseId), List.copyOf(matched),
                repository.openIncidentOf(caseId).orElse(null))));
        return candidates;
    }

    private static Query parse(String query) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query: describe the posts about the incident, e.g. storing OR uitval");
        }
        if (query.length() > SavedQueries.MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("query: is longer than " + SavedQueries.MAX_QUERY_LENGTH + " characters");
        }
        try {
            return QueryParser.parse(query);
        } catch (QueryException e) {
            throw new IllegalArgumentException("query: " + e.getMessage());
        }
    }
}
