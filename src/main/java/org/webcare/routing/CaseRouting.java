package org.webcare.routing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.webcare.cases.Actor;
import org.webcare.cases.Case;
import org.webcare.cases.CaseAssigned;
import org.webcare.cases.CaseOpened;
import org.webcare.cases.CaseReopened;
import org.webcare.cases.CaseStatus;
import org.webcare.cases.CaseStatusChanged;
import org.webcare.cases.CaseView;
import org.webcare.cases.Cases;
import org.webcare.shared.NotFoundException;

/**
 * Routes cases: a case that opens goes to a queue and, unless the queue is manual, to an agent, in the transaction
 * that opened it (so a crash never leaves a case unrouted). A reopened case goes back to the agent who had it when
 * they are available and have room. When an agent gets room (a case resolved, closed or given to someone else), the
 * cases waiting in their queues are handed out after the change is committed.
 */
@Service
public class CaseRouting {

    private final Cases cases;
    private final CaseFactsReader facts;
    private final Router router;
    private final AgentPicker picker;
    private final CaseQueueRepository caseQueues;
    private final Queues queues;
    private final Handout handout;

    CaseRouting(Cases cases, CaseFactsReader facts, Router router, AgentPicker picker, CaseQueueRepository caseQueues,
                Queues queues, Handout handout) {
        this.cases = cases;
        this.facts = facts;
        this.router = router;
        this.picker = picker;
        this.caseQueues = caseQueues;
        this.queues = queues;
        this.handout = handout;
    }

    /** Where the case was routed; empty when it never was (it opened before routing existed). */
    public Optional<CaseRoute> of(long caseId) {
        return caseQueues.find(caseId);
    }

    /** How many cases wait in each queue (by queue id). */
    public java.util.Map<Long, Integer> waitingCounts() {
        return caseQueues.waitingCounts();
    }

    /** How many waiting cases of each brand (by brand id) were routed nowhere: no rule matched, no default queue. */
    public java.util.Map<Long, Integer> unroutedCounts() {
        return caseQueues.unroutedCounts();
    }

    /**
     * Routes the case again by the current rules (a team lead's choice after changing them): its queue is decided
     * again, and an agent is chosen only when nobody has it.
     */
    @Transactional
    public CaseRoute reroute(long caseId) {
        Case current = cases.find(caseId).orElseThrow(() -> new NotFoundException("case: no case with id " + caseId));
        if (!current.status().isActive()) {
            throw new IllegalArgumentException("case: a " + current.status().json() + " case is not routed");
        }
        route(caseId, null, true, "routed again");
        return caseQueues.find(caseId).orElseThrow();
    }

    @EventListener
    void on(CaseOpened opened) {
        route(opened.caseId(), null, false, "opened");
    }

    @EventListener
    void on(CaseReopened reopened) {
        route(reopened.caseId(), reopened.previousAssigneeId(), false, "reopened");
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(CaseStatusChanged changed) {
        if (changed.to() == CaseStatus.RESOLVED || changed.to() == CaseStatus.CLOSED) {
            cases.find(changed.caseId()).map(Case::assigneeId).ifPresent(handout::queuesOf);
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(CaseAssigned assigned) {
        if (assigned.fromUserId() != null) {
            handout.queuesOf(assigned.fromUserId());
        }
        if (assigned.toUserId() == null) {
            caseQueues.find(assigned.caseId()).map(CaseRoute::queueId).ifPresent(handout::queue);
        }
    }

    /**
     * Routes a case in the caller's transaction: the queue by the rules, then the agent. A previous agent who is
     * available and has room gets it back before the queue's strategy is asked.
     *
     * @param keepAssignee whether an agent who has the case keeps it (only its queue is decided again)
     */
    void route(long caseId, Long previousAssigneeId, boolean keepAssignee, String occasion) {
        Case opened = cases.find(caseId).orElseThrow(() -> new NotFoundException("case: no case with id " + caseId));
        if (previousAssigneeId == null && !queues.brandHasQueues(opened.brandId())) {
            // Nothing to decide; kept cheap, as it runs for every case that opens, also in bulk imports.
            caseQueues.record(caseId, null, null, Instant.now());
            return;
        }
        CaseView view = cases.view(caseId).orElseThrow(() -> new NotFoundException("case: no case with id " + caseId));
        CaseFacts caseFacts = facts.of(view);
        RoutingDecision decision = router.decide(caseFacts);
        caseQueues.record(caseId, decision.routed() ? decision.queue().id() : null,
                decision.rule() == null ? null : decision.rule().id(), Instant.now());
        if (keepAssignee && view.details().assigneeId() != null) {
            return;
        }
        AgentPicker.Locked locked = picker.lock(decision.queue(), previousAssigneeId, caseFacts, caseId);
        Candidate previous = locked.extra();
        Long target;
        String reason;
        if (previous != null && previous.status() == AgentStatus.AVAILABLE && previous.activeCases() < previous.capacity()) {
            target = previous.userId();
            reason = occasion + ": back to " + previous.name() + ", who had it";
        } else if (!decision.routed()) {
            return; // no queue to wait in: whoever has the case keeps it
        } else {
            Optional<Candidate> chosen = picker.choose(locked);
            target = chosen.map(Candidate::userId).orElse(null);
            reason = reason(occasion, decision, previous, chosen.isPresent());
        }
        Long current = view.details().assigneeId();
        if (!Objects.equals(target, current)) {
            cases.assign(caseId, target, Actor.WEBCARE, reason);
        }
    }

    private static String reason(String occasion, RoutingDecision decision, Candidate previous, boolean chosen) {
        StringBuilder why = new StringBuilder(occasion);
        if (previous != null) {
            why.append(" while ").append(previous.name()).append(previous.status() == AgentStatus.AVAILABLE ? " has no room" : " is " + previous.status().json());
        }
        why.append(": queue '").append(decision.queue().name()).append("'");
        why.append(decision.rule() == null ? " (default)" : " by rule '" + decision.rule().name() + "'");
        if (chosen) {
            why.append(", ").append(decision.queue().strategy().json());
        } else {
            why.append(decision.queue().strategy() == Strategy.MANUAL ? ", waiting to be claimed" : ", waiting for an agent with room");
        }
        return why.toString();
    }
}
