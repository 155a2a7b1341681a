package org.webcare.cases;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a case is in its ITIL lifecycle: {@code new → open → pending customer | pending internal → resolved → closed}.
 * A resolved case reopens when the customer writes again within the reopen period; a closed case stays closed (the
 * customer's next message opens a new case, linked to it).
 */
public enum CaseStatus {
    NEW, OPEN, PENDING_CUSTOMER, PENDING_INTERNAL, RESOLVED, CLOSED;

    /** Whether the team still has work on it. */
    public boolean isActive() {
        return this != RESOLVED && this != CLOSED;
    }

    /** The statuses an agent may move a case in this status to. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(OPEN, PENDING_CUSTOMER, PENDING_INTERNAL, RESOLVED);
            case OPEN -> EnumSet.of(PENDING_CUSTOMER, PENDING_INTERNAL, RESOLVED);
            case PENDING_CUSTOMER -> EnumSet.of(OPEN, PENDING_INTERNAL, RESOLVED);
            case PENDING_INTERNAL -> EnumSet.of(OPEN, PENDING_CUSTOMER, RESOLVED);
            case RESOLVED -> EnumSet.of(OPEN, CLOSED);
            case CLOSED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Accepts {@code pending-customer}, {@code pending_customer} and {@code PENDING_CUSTOMER}. */
    public static CaseStatus parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("status: must be one of new, open, pending-customer, pending-internal, "
                    + "resolved, closed; got '" + value + "'");
        }
    }
}
