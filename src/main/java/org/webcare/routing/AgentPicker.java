package org.webcare.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Chooses the agent for a case. Locks are always taken in one order: the queue's row first, then the agents' rows by
 * user id. Two cases of one queue are thereby chosen one after the other (neither can take an agent's last free slot
 * from under the other), and two routings never wait for each other in a circle.
 */
@Component
class AgentPicker {

    private final Queues queues;
    private final Agents agents;

    AgentPicker(Queues queues, Agents agents) {
        this.queues = queues;
        this.agents = agents;
    }

    /**
     * Locks the queue (when there is one) and the agents, and assesses its members and the {@code extra} agent for
     * the case.
     */
    Locked lock(Queue queue, Long extra, CaseFacts facts, long caseId) {
        Queue locked = queue == null ? null : queues.lock(queue.id());
        List<Long> ids = new ArrayList<>(locked == null ? List.of() : locked.members().stream().map(Queue.QueueMember::userId).toList());
        if (extra != null) {
            ids.add(extra);
        }
        List<Candidate> assessed = agents.lockAsCandidates(ids, caseId).stream().map(c -> Assignment.assess(c, facts)).toList();
        List<Candidate> members = locked == null ? List.of() : assessed.stream().filter(c -> locked.hasMember(c.userId())).toList();
        Candidate extraCandidate = extra == null ? null : assessed.stream().filter(c -> c.userId() == extra).findFirst().orElse(null);
        return new Locked(locked, members, extraCandidate, locked == null ? null : queues.lastAssigned(locked.id()));
    }

    /** The member the queue's strategy chooses; the turn moves on to them. */
    Optional<Candidate> choose(Locked locked) {
        if (locked.queue() == null) {
            return Optional.empty();
        }
        Optional<Candidate> chosen = Assignment.choose(locked.queue().strategy(), locked.members(), locked.lastAssigned());
        chosen.ifPresent(c -> queues.assigned(locked.queue().id(), c.userId()));
        return chosen;
    }

    /** What the strategy would choose now, without locking or moving the turn: for explaining. */
    Preview preview(Queue queue, CaseFacts facts) {
        List<Candidate> members = agents.candidates(queue.members().stream().map(Queue.QueueMember::userId).toList(), -1)
                .stream().map(c -> Assignment.assess(c, facts)).toList();
        return new Preview(members, Assignment.choose(queue.strategy(), members, queues.lastAssigned(queue.id())).orElse(null));
    }

    record Locked(Queue queue, List<Candidate> members, Candidate extra, Long lastAssigned) {
    }

    record Preview(List<Candidate> members, Candidate chosen) {
    }
}
