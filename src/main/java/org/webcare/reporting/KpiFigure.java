package org.webcare.reporting;

/** A figure of a KPI report whose cases can be listed (drill-down). */
public enum KpiFigure {
    /** cases with a customer message in the period */ CASES,
    /** cases opened in the period with a first response */ FIRST_RESPONSE,
    /** ... and whose first response was later than target */ FIRST_RESPONSE_LATE,
    /** cases opened in the period still without any agent reply */ UNANSWERED,
    /** cases resolved in the period */ RESOLVED,
    /** ... later than target */ RESOLUTION_LATE,
    /** cases with an SLA clock breached in the period */ SLA_BREACHED,
    /** cases not resolved/closed at the end of the period */ BACKLOG,
    /** cases opened in the period that went from public to private */ PUBLIC_TO_PRIVATE
}
