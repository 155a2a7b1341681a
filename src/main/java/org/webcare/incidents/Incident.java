package org.webcare.incidents;

import java.time.Instant;

/**
 * One outage (or other event) that many customers of a brand write about. Title, description and statements are
 * written by the team; statements may hold template variables ({@code {{customer.name}}}) filled in per case.
 *
 * @param resolutionStatement the follow-up sent when it was resolved, or {@code null} while it is open
 * @param resolveCases whether its cases were resolved with the follow-up (chosen when it was resolved)
 * @param caseCount how many cases it holds
 */
public record Incident(long id, long brandId, String brandName, String title, String description,
                       String holdingStatement, String resolutionStatement, IncidentStatus status, boolean resolveCases,
                       String createdByName, Instant createdAt, String resolvedByName, Instant resolvedAt,
                       int caseCount) {

    public boolean isOpen() {
        return status == IncidentStatus.OPEN;
    }

    /** The statement of that kind, or {@code null} when there is none yet. */
    public String statement(StatementKind kind) {
        return kind == StatementKind.HOLDING ? holdingStatement : resolutionStatement;
    }
}
