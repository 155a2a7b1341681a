package org.webcare.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The safety net: routes waiting cases that have no queue although their brand has queues (opened before routing was
 * set up, or before the brand had a default queue), and hands out the cases waiting in every queue. Each case in its
 * own transaction; several nodes may sweep at once (the row locks decide).
 */
@Component
class RoutingSweep {

    private static final Logger log = LoggerFactory.getLogger(RoutingSweep.class);
    static final int MAX_UNROUTED = 200;

    private final CaseQueueRepository caseQueues;
    private final CaseRouting routing;
    private final Handout handout;
    private final TransactionTemplate transactions;

    RoutingSweep(CaseQueueRepository caseQueues, CaseRouting routing, Handout handout, TransactionTemplate transactions) {
        this.caseQueues = caseQueues;
        this.routing = routing;
        this.handout = handout;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${webcare.routing.sweep-interval:1m}", initialDelayString = "${webcare.routing.sweep-interval:1m}")
    void run() {
        sweep();
    }

    /** Returns how many cases were routed or handed out. */
    int sweep() {
        int done = 0;
        for (long caseId : caseQueues.unrouted(MAX_UNROUTED)) {
            try {
                Boolean routed = transactions.execute(status -> caseQueues.lockIfUnrouted(caseId).map(id -> {
                    routing.route(id, null, false, "routed by the sweep");
                    return true;
                }).orElse(false));
                done += Boolean.TRUE.equals(routed) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Routing case {} failed", caseId, e);
            }
        }
        for (long queueId : handout.queuesWithWaiting()) {
            try {
                done += handout.handOut(queueId);
            } catch (RuntimeException e) {
                log.warn("Handing out the cases of queue {} failed", queueId, e);
            }
        }
        return done;
    }
}
