package org.webcare.cases;

import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to cases with time: a resolved case closes once its reopen period has passed, and a customer left
 * waiting longer than the escalation time makes their case more urgent. Each case changes in its own transaction, so
 * one failing case does not hold up the rest, and several nodes may run this at once (the row lock decides).
 */
@Component
class CaseHousekeeping {

    private final Cases cases;
    private final CaseRepository repository;
    private final CaseSettings settings;
    private final TransactionTemplate transactions;

    CaseHousekeeping(Cases cases, CaseRepository repository, CaseSettings settings, TransactionTemplate transactions) {
        this.cases = cases;
        this.repository = repository;
        this.settings = settings;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${webcare.cases.housekeeping-interval:1m}", initialDelayString = "${webcare.cases.housekeeping-interval:1m}")
    void run() {
        runAt(cases.now());
    }

    /** One round as of {@code now}: returns how many cases were closed. */
    int runAt(Instant now) {
        int closed = 0;
        for (long caseId : repository.resolvedBefore(now.minus(settings.reopenWithin()))) {
            Boolean done = transactions.execute(status -> {
                Case current = cases.lock(caseId);
                if (current.status() != CaseStatus.RESOLVED) {
                    return false;
                }
                cases.transition(current, CaseStatus.CLOSED, Actor.WEBCARE,
                        "resolved more than " + settings.reopenWithin().toDays() + " days ago", "status");
                return true;
            });
            closed += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        for (long caseId : repository.waitingForReassessment(now.minus(settings.waitingEscalation()))) {
            transactions.executeWithoutResult(status -> {
                cases.lock(caseId);
                cases.reassess(caseId, now);
            });
        }
        return closed;
    }
}
