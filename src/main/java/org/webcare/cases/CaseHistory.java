package org.webcare.cases;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Records what other modules did with a case (a consult asked or answered) in the case's history. */
@Component
public class CaseHistory {

    private final Cases cases;
    private final CaseRepository repository;
    private final ApplicationEventPublisher events;

    CaseHistory(Cases cases, CaseRepository repository, ApplicationEventPublisher events) {
        this.cases = cases;
        this.repository = repository;
        this.events = events;
    }

    /**
     * @param kind what happened, e.g. {@code consult-asked}
     * @param to what it is about now (an expert's address), or {@code null}
     */
    @Transactional
    public void record(long caseId, Actor actor, String kind, String to, String reason) {
        cases.get(caseId);
        repository.event(caseId, actor.userId(), actor.name(), kind, null, to, reason, cases.now());
        events.publishEvent(new CaseUpdated(caseId));
    }
}
