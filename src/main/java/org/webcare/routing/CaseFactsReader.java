package org.webcare.routing;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.webcare.analysis.Analysis;
import org.webcare.cases.Case;
import org.webcare.cases.CaseView;
import org.webcare.cases.Cases;
import org.webcare.intake.Post;
import org.webcare.listening.SavedQueries;
import org.webcare.listening.SavedQuery;

/** Reads what routing looks at in a case: its newest post's analysis and matched queries, priority, customer tags. */
@Component
class CaseFactsReader {

    private final Cases cases;
    private final SavedQueries savedQueries;
    private final CustomerTags tags;

    CaseFactsReader(Cases cases, SavedQueries savedQueries, CustomerTags tags) {
        this.cases = cases;
        this.savedQueries = savedQueries;
        this.tags = tags;
    }

    Optional<CaseFacts> of(long caseId) {
        return cases.view(caseId).map(this::of);
    }

    CaseFacts of(CaseView view) {
        Case details = view.details();
        Set<String> customerTags = new HashSet<>(tags.of(details.brandId(), details.customerHandle()));
        if (view.posts().isEmpty()) {
            return new CaseFacts(details.brandId(), details.channelId(), null, Set.of(), List.of(), List.of(), null,
                    details.priority().value(), customerTags);
        }
        return of(details.brandId(), view.latestPost(), details.priority().value(), customerTags);
    }

    /** The facts of a case whose newest post is this one (also a sample post that was never stored). */
    CaseFacts of(long brandId, Post newest, int priority, Collection<String> customerTags) {
        Analysis analysis = newest.analysis();
        List<Long> queryIds = newest.matchedQueries() == null ? List.of() : newest.matchedQueries();
        return new CaseFacts(brandId, newest.channelId(), analysis == null ? null : analysis.language().code(),
                analysis == null ? Set.of() : analysis.intents(), queryIds, queryNames(queryIds),
                analysis == null ? null : analysis.sentiment().label(), priority, new HashSet<>(customerTags));
    }

    List<String> queryNames(List<Long> queryIds) {
        if (queryIds.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = savedQueries.all().stream().collect(Collectors.toMap(SavedQuery::id, SavedQuery::name));
        return queryIds.stream().map(names::get).filter(java.util.Objects::nonNull).toList();
    }
}
