package org.webcare.incidents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.cases.Actor;
import org.webcare.cases.Case;
import org.webcare.cases.CaseStatus;
import org.webcare.cases.Cases;
import org.webcare.cases.Replies;
import org.webcare.cases.Reply;
import org.webcare.cases.ReplyTemplates;
import org.webcare.channel.Channels;
import org.webcare.shared.ConflictException;
import org.webcare.shared.NotFoundException;

/**
 * A brand's incidents and the cases they hold. A case is part of at most one open incident; while it is, its impact
 * is high (see {@link Cases#linkIncident}). Every change is made under the incident's row lock.
 */
@Service
public class Incidents {

    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 5_000;
    /** As long as a reply template: a statement is one. */
    public static final int MAX_STATEMENT_LENGTH = ReplyTemplates.MAX_TEXT_LENGTH;
    static final int MAX_CASES_AT_ONCE = 500;

    private final IncidentRepository repository;
    private final Cases cases;
    private final Replies replies;
    private final Channels channels;

    Incidents(IncidentRepository repository, Cases cases, Replies replies, Channels channels) {
        this.repository = repository;
        this.cases = cases;
        this.replies = replies;
        this.channels = channels;
    }

    @Transactional
    public Incident create(long brandId, String title, String description, String holdingStatement, Actor actor) {
        channels.brand(brandId).orElseThrow(() -> new IllegalArgumentException("brandId: no brand with id " + brandId));
        long id = repository.insert(brandId, title(title), description(description),
                statement("holdingStatement", holdingStatement), actor.userId(), actor.name());
        return get(id);
    }

    /** Changes what an open incident says; cases that had the holding statement do not get the new one. */
    @Transactional
    public Incident update(long incidentId, String title, String description, String holdingStatement) {
        Incident current = lockOpen(incidentId);
        repository.update(current.id(), title(title), description(description),
                statement("holdingStatement", holdingStatement));
        return get(incidentId);
    }

    /** Removes an incident nothing was sent for (one made by mistake); its cases leave it. */
    @Transactional
    public void delete(long incidentId, Actor actor) {
        Incident current = repository.lock(incidentId).orElseThrow(() -> notFound(incidentId));
        if (repository.anyStatementSent(incidentId)) {
            throw new ConflictException("incident: #" + incidentId + " has sent statements to customers; resolve it instead");
        }
        for (IncidentRepository.Membership member : repository.cases(incidentId)) {
            if (current.isOpen()) {
                cases.unlinkIncident(member.caseId(), incidentId, actor, "incident deleted");
            }
        }
        repository.delete(incidentId);
    }

    public Optional<Incident> find(long incidentId) {
        return repository.find(incidentId);
    }

    public Incident get(long incidentId) {
        return find(incidentId).orElseThrow(() -> notFound(incidentId));
    }

    /**
     * @param status {@code null}: open and resolved
     * @param brandId {@code null}: every brand
     */
    public List<Incident> list(IncidentStatus status, Long brandId, int limit) {
        return repository.list(status, brandId, limit <= 0 ? 100 : Math.min(limit, 500));
    }

    /** The incident a case is part of: its open one, otherwise the newest it was part of. */
    public Optional<Incident> incidentOf(long caseId) {
        return repository.incidentsOf(caseId).stream().findFirst().flatMap(repository::find);
    }

    /** The incident with its cases and where each statement stands for each of them. */
    public IncidentDetails details(long incidentId) {
        Incident incident = get(incidentId);
        Map<Long, IncidentRepository.Sent> holding = repository.sent(incidentId, StatementKind.HOLDING);
        Map<Long, IncidentRepository.Sent> resolution = repository.sent(incidentId, StatementKind.RESOLUTION);
        Map<Long, IncidentRepository.Refusal> holdingRefused = repository.refusals(incidentId, StatementKind.HOLDING);
        Map<Long, IncidentRepository.Refusal> resolutionRefused = repository.refusals(incidentId, StatementKind.RESOLUTION);
        List<LinkedCase> linked = new ArrayList<>();
        for (IncidentRepository.Membership member : repository.cases(incidentId)) {
            Case details = cases.get(member.caseId());
            linked.add(new LinkedCase(details, member.addedAt(), member.addedByName(),
                    state(holding.get(member.caseId()), holdingRefused.get(member.caseId())),
                    state(resolution.get(member.caseId()), resolutionRefused.get(member.caseId()))));
        }
        return new IncidentDetails(incident, linked);
    }

    /** The case as part of the incident, with where its statements stand; empty when it is not part of it. */
    public Optional<LinkedCase> linkedCase(long incidentId, long caseId) {
        return repository.cases(incidentId).stream().filter(member -> member.caseId() == caseId).findFirst()
                .map(member -> new LinkedCase(cases.get(caseId), member.addedAt(), member.addedByName(),
                        state(repository.sent(incidentId, StatementKind.HOLDING).get(caseId),
                                repository.refusals(incidentId, StatementKind.HOLDING).get(caseId)),
                        state(repository.sent(incidentId, StatementKind.RESOLUTION).get(caseId),
                                repository.refusals(incidentId, StatementKind.RESOLUTION).get(caseId))));
    }

    /**
     * Adds cases to an open incident, all or none: each must exist, be of the incident's brand, not be closed or
     * merged, and not be part of another open incident. Cases already in it are left as they are.
     *
     * @return the cases added now
     */
    @Transactional
    public List<Case> addCases(long incidentId, Collection<Long> caseIds, Actor actor) {
        if (caseIds == null || caseIds.isEmpty()) {
            throw new IllegalArgumentException("caseIds: name the cases to add");
        }
        if (caseIds.size() > MAX_CASES_AT_ONCE) {
            throw new IllegalArgumentException("caseIds: at most " + MAX_CASES_AT_ONCE + " cases at once");
        }
        Incident incident = lockOpen(incidentId);
        List<Case> adding = new ArrayList<>();
        // In id order, the order every writer locks cases in.
        for (Long caseId : new TreeSet<>(caseIds)) {
            if (caseId == null) {
                throw new IllegalArgumentException("caseIds: a case id is missing");
            }
            Case found = cases.find(caseId).orElseThrow(() -> new IllegalArgumentException("caseIds: no case with id " + caseId));
            if (found.brandId() != incident.brandId()) {
                throw new IllegalArgumentException("caseIds: case #" + caseId + " belongs to " + found.brandName()
                        + ", the incident to " + incident.brandName());
            }
            if (found.mergedIntoId() != null) {
                throw new IllegalArgumentException("caseIds: case #" + caseId + " was merged into #" + found.mergedIntoId()
                        + "; add that case");
            }
            if (found.status() == CaseStatus.CLOSED) {
                throw new IllegalArgumentException("caseIds: case #" + caseId + " is closed");
            }
            if (repository.contains(incidentId, caseId)) {
                continue;
            }
            Optional<Long> other = repository.openIncidentOf(caseId);
            if (other.isPresent()) {
                throw new ConflictException("caseIds: case #" + caseId + " is already part of open incident #" + other.get());
            }
            adding.add(found);
        }
        List<Case> added = new ArrayList<>();
        for (Case found : adding) {
            try {
                repository.addCase(incidentId, found.id(), actor.userId(), actor.name());
            } catch (DuplicateKeyException e) {
                // Another incident took the case between the check and now.
                throw new ConflictException("caseIds: case #" + found.id() + " was just added to another open incident");
            }
            added.add(cases.linkIncident(found.id(), incidentId, actor));
        }
        return added;
    }

    /** Takes a case out of an open incident (added by mistake); what it was sent stays on record. */
    @Transactional
    public void removeCase(long incidentId, long caseId, Actor actor) {
        lockOpen(incidentId);
        if (!repository.removeCase(incidentId, caseId)) {
            throw new NotFoundException("case: #" + caseId + " is not part of incident #" + incidentId);
        }
        cases.unlinkIncident(caseId, incidentId, actor, "removed from incident #" + incidentId);
    }

    /**
     * Marks an incident resolved with its resolution statement; its cases' impact is assessed from their own posts
     * again. Resolving a resolved incident again with the same statement changes nothing (a retry), with another one
     * is a conflict. Sending the statement is {@link BulkReplies#resolve}'s part.
     */
    @Transactional
    public Incident resolve(long incidentId, String statement, boolean resolveCases, Actor actor) {
        String resolution = statement("statement", statement);
        Incident current = repository.lock(incidentId).orElseThrow(() -> notFound(incidentId));
        if (!current.isOpen()) {
            if (resolution.equals(current.resolutionStatement()) && resolveCases == current.resolveCases()) {
                return current;
            }
            throw new ConflictException("incident: #" + incidentId + " was already resolved with another statement");
        }
        repository.resolve(incidentId, resolution, resolveCases, actor.userId(), actor.name(), Instant.now());
        for (IncidentRepository.Membership member : repository.cases(incidentId)) {
            cases.unlinkIncident(member.caseId(), incidentId, actor, "incident resolved");
        }
        return get(incidentId);
    }

    Incident lockOpen(long incidentId) {
        Incident current = repository.lock(incidentId).orElseThrow(() -> notFound(incidentId));
        if (!current.isOpen()) {
            throw new ConflictException("incident: #" + incidentId + " is resolved");
        }
        return current;
    }

    private StatementState state(IncidentRepository.Sent sent, IncidentRepository.Refusal refusal) {
        if (sent != null) {
            Reply reply = replies.find(sent.replyId()).orElse(null);
            return new StatementState(StatementState.State.SENT, sent.replyId(), reply == null ? null : reply.delivery(),
                    null, sent.at());
        }
        if (refusal != null) {
            return new StatementState(StatementState.State.REFUSED, null, null, refusal.reason(), refusal.at());
        }
        return StatementState.PENDING;
    }

    private static String title(String title) {
        String cleaned = title == null ? "" : title.strip();
        if (cleaned.isEmpty()) {
            throw new IllegalArgumentException("title: an incident needs a title");
        }
        if (cleaned.length() > MAX_TITLE_LENGTH) {
            throw new IllegalArgumentException("title: is longer than " + MAX_TITLE_LENGTH + " characters");
        }
        return cleaned;
    }

    private static String description(String description) {
        String cleaned = description == null ? "" : description.strip();
        if (cleaned.length() > MAX_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("description: is longer than " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** A statement is a reply template in all but name: required, bounded, and only with known variables. */
    static String statement(String field, String statement) {
        String cleaned = statement == null ? "" : statement.strip();
        if (cleaned.isEmpty()) {
            throw new IllegalArgumentException(field + ": write what customers should hear");
        }
        if (cleaned.length() > MAX_STATEMENT_LENGTH) {
            throw new IllegalArgumentException(field + ": is longer than " + MAX_STATEMENT_LENGTH + " characters");
        }
        List<String> unknown = ReplyTemplates.unknownVariables(cleaned);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(field + ": unknown variable" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; known are "
                    + String.join(", ", ReplyTemplates.VARIABLES.stream().map(v -> "{{" + v + "}}").toList()));
        }
        return cleaned;
    }

    private static NotFoundException notFound(long incidentId) {
        return new NotFoundException("incident: no incident with id " + incidentId);
    }
}
