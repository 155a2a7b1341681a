package org.webcare.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.webcare.cases.Actor;
import org.webcare.cases.Cases;

/**
 * Hands out the cases waiting in a queue, most urgent first, then longest waiting, while its members have room. Each
 * case is handed out in a transaction of its own, after the change that made room was committed; a case nobody in the
 * queue can take now (its language) is passed over for the next. The sweep repeats this on a schedule, so a crash
 * between a commit and the hand-out only delays it.
 */
@Component
class Handout {

    private static final Logger log = LoggerFactory.getLogger(Handout.class);
    // One change hands out at most this many cases per queue; the sweep takes the rest.
    static final int MAX_PER_RUN = 100;

    private final Queues queues;
    private final CaseQueueRepository caseQueues;
    private final CaseFactsReader facts;
    private final AgentPicker picker;
    private final Cases cases;
    private final TransactionTemplate transactions;

    Handout(Queues queues, CaseQueueRepository caseQueues, CaseFactsReader facts, AgentPicker picker, Cases cases,
            PlatformTransactionManager transactionManager) {
        this.queues = queues;
        this.caseQueues = caseQueues;
        this.facts = facts;
        this.picker = picker;
        this.cases = cases;
        this.transactions = new TransactionTemplate(transactionManager);
        // Runs after another transaction committed, maybe still inside its completion: always a transaction of its own.
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AgentStatusChanged changed) {
        if (changed.to() == AgentStatus.AVAILABLE) {
            queuesOf(changed.userId());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AgentSettingsChanged changed) {
        queuesOf(changed.userId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(QueueChanged changed) {
        queue(changed.queueId());
    }

    /** Hands out the waiting cases of every queue the agent is a member of. */
    void queuesOf(long userId) {
        queues.idsOf(userId).forEach(this::queue);
    }

    /** Hands out the queue's waiting cases; a failure is logged and left to the sweep. */
    void queue(long queueId) {
        try {
            handOut(queueId);
        } catch (RuntimeException e) {
            log.warn("Handing out the cases of queue {} failed; the sweep tries again", queueId, e);
        }
    }

    /** Returns how many cases were given to an agent. */
    int handOut(long queueId) {
        Set<Long> tried = new HashSet<>();
        int given = 0;
        while (given < MAX_PER_RUN) {
            Outcome outcome = transactions.execute(status -> next(queueId, tried));
            if (outcome == Outcome.DONE) {
                break;
            }
            given += outcome == Outcome.GIVEN ? 1 : 0;
        }
        return given;
    }

    private Outcome next(long queueId, Set<Long> tried) {
        Optional<Queue> queue = queues.find(queueId);
        if (queue.isEmpty() || queue.get().strategy() == Strategy.MANUAL) {
            return Outcome.DONE;
        }
        Queue locked = queues.lock(queueId);
        Optional<Long> caseId = caseQueues.lockNextWaiting(queueId, tried);
        if (caseId.isEmpty()) {
            return Outcome.DONE;
        }
        tried.add(caseId.get());
        Optional<CaseFacts> caseFacts = facts.of(caseId.get());
        if (caseFacts.isEmpty()) {
            return Outcome.PASSED;
        }
        AgentPicker.Locked candidates = picker.lock(locked, null, caseFacts.get(), caseId.get());
        boolean anyoneHasRoom = candidates.members().stream()
                .anyMatch(c -> c.status() == AgentStatus.AVAILABLE && c.activeCases() < c.capacity());
        if (!anyoneHasRoom) {
            return Outcome.DONE;
        }
        Optional<Candidate> chosen = picker.choose(candidates);
        if (chosen.isEmpty()) {
            return Outcome.PASSED;
        }
        cases.assign(caseId.get(), chosen.get().userId(), Actor.WEBCARE,
                "handed out from queue '" + locked.name() + "', " + locked.strategy().json());
        return Outcome.GIVEN;
    }

    /** Queues with waiting cases, for the sweep. */
    List<Long> queuesWithWaiting() {
        return caseQueues.queuesWithWaiting();
    }

    private enum Outcome { GIVEN, PASSED, DONE }
}
