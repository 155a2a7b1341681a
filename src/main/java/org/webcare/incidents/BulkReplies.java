package org.webcare.incidents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.webcare.cases.Case;
import org.webcare.cases.CaseStatus;
import org.webcare.cases.CaseView;
import org.webcare.cases.Cases;
import org.webcare.cases.Replies;
import org.webcare.cases.Reply;
import org.webcare.cases.ReplyTemplates;
import org.webcare.cases.TemplateContext;
import org.webcare.intake.Post;
import org.webcare.shared.ConflictException;
import org.webcare.shared.NotFoundException;
import org.webcare.shared.Visibility;

/**
 * Sends an incident's statement to every case that has not had it: a reply to the case's newest customer post,
 * through {@link Replies#send} (privacy guard, platform rules, outbox), public or private as that post was, with the
 * template variables filled in for that customer.
 * <p>
 * Each case is sent to in its own transaction, which records the reply, its outbound message and the row
 * (incident, case, kind) that is unique in the database. A crash, a second click or two leads clicking at once
 * therefore resume where the last send stopped and reach nobody twice; a refused case is reported with the reason
 * and does not stop the others.
 */
@Service
public class BulkReplies {

    private final Incidents incidents;
    private final IncidentRepository repository;
    private final Cases cases;
    private final Replies replies;
    private final ReplyTemplates templates;
    private final TransactionTemplate transactions;

    BulkReplies(Incidents incidents, IncidentRepository repository, Cases cases, Replies replies, ReplyTemplates templates,
                TransactionTemplate transactions) {
        this.incidents = incidents;
        this.repository = repository;
        this.cases = cases;
        this.replies = replies;
        this.templates = templates;
        this.transactions = transactions;
    }

    /** Who the statement would reach now, and who would be refused and why; sends and records nothing. */
    public Preview preview(long incidentId, StatementKind kind, Sender sender) {
        Incident incident = sendable(incidentId, kind);
        List<Preview.Recipient> recipients = new ArrayList<>();
        int alreadySent = 0;
        for (IncidentRepository.Membership member : repository.cases(incidentId)) {
            if (repository.statementSent(incidentId, member.caseId(), kind)) {
                alreadySent++;
                continue;
            }
            recipients.add(recipient(incident, member.caseId(), kind, sender));
        }
        Map<String, Integer> byChannel = new LinkedHashMap<>();
        int publicReplies = 0;
        int privateReplies = 0;
        for (Preview.Recipient recipient : recipients) {
            if (recipient.refusal() == null) {
                byChannel.merge(recipient.channelName(), 1, Integer::sum);
                if (recipient.visibility() == Visibility.PUBLIC) {
                    publicReplies++;
                } else {
                    privateReplies++;
                }
            }
        }
        int refused = (int) recipients.stream().filter(r -> r.refusal() != null).count();
        return new Preview(kind, incident.statement(kind), alreadySent, recipients.size() - refused, publicReplies,
                privateReplies, refused, byChannel, recipients);
    }

    /** Sends the statement to every case of the incident that has not had it. */
    public SendReport send(long incidentId, StatementKind kind, Sender sender) {
        Incident incident = sendable(incidentId, kind);
        List<SendReport.Sent> sent = new ArrayList<>();
        List<SendReport.Refused> refused = new ArrayList<>();
        int alreadySent = 0;
        for (IncidentRepository.Membership member : repository.cases(incidentId)) {
            long caseId = member.caseId();
            try {
                Optional<Reply> reply = Optional.ofNullable(transactions.execute(status -> sendTo(incident, caseId, kind, sender)));
                if (reply.isPresent()) {
                    sent.add(new SendReport.Sent(caseId, reply.get().id()));
                } else {
                    alreadySent++;
                }
            } catch (DuplicateKeyException e) {
                // A send running at the same time recorded this case first; this transaction's reply was rolled back.
                alreadySent++;
            } catch (IllegalArgumentException | ConflictException | NotFoundException e) {
                transactions.executeWithoutResult(status -> repository.recordRefusal(incidentId, caseId, kind, e.getMessage()));
                refused.add(new SendReport.Refused(caseId, cases.find(caseId).map(Case::customer).orElse(null), e.getMessage()));
            }
        }
        return new SendReport(kind, sent, alreadySent, refused);
    }

    /**
     * Resolves the incident and sends its resolution statement; with {@code resolveCases}, each case that gets it is
     * resolved in the same transaction ("incident resolved"). A case whose follow-up was refused stays as it is, so
     * an agent can reach that customer another way. Calling it again resumes the follow-up.
     */
    public SendReport resolve(long incidentId, String statement, boolean resolveCases, Sender sender) {
        incidents.resolve(incidentId, statement, resolveCases, sender.actor());
        return send(incidentId, StatementKind.RESOLUTION, sender);
    }

    /** Inside the case's transaction: the reply, its outbound message and the unique record, or nothing at all. */
    private Reply sendTo(Incident incident, long caseId, StatementKind kind, Sender sender) {
        if (repository.statementSent(incident.id(), caseId, kind)) {
            return null;
        }
        Addressed addressed = address(incident, caseId, kind, sender);
        Reply reply = replies.send(addressed.post().id(), addressed.text(), addressed.post().visibility(), sender.userId(),
                sender.name());
        repository.recordSent(incident.id(), caseId, kind, reply.id());
        if (kind == StatementKind.RESOLUTION && incident.resolveCases()) {
            Case current = cases.get(caseId);
            if (current.status().canMoveTo(CaseStatus.RESOLVED)) {
                cases.changeStatus(caseId, CaseStatus.RESOLVED, sender.actor(), "incident resolved");
            }
        }
        return reply;
    }

    private Preview.Recipient recipient(Incident incident, long caseId, StatementKind kind, Sender sender) {
        Case details = cases.get(caseId);
        try {
            Addressed addressed = address(incident, caseId, kind, sender);
            Post post = addressed.post();
            return new Preview.Recipient(caseId, details.customer(), details.channelName(), post.visibility(),
                    addressed.text(), replies.refusal(post.id(), addressed.text(), post.visibility()).orElse(null));
        } catch (IllegalArgumentException e) {
            return new Preview.Recipient(caseId, details.customer(), details.channelName(), null, null, e.getMessage());
        }
    }

    /** The post the statement answers (the customer's newest in the case) and the statement filled in for them. */
    private Addressed address(Incident incident, long caseId, StatementKind kind, Sender sender) {
        CaseView view = cases.view(caseId).orElseThrow(() -> new NotFoundException("case: no case with id " + caseId));
        if (view.details().mergedIntoId() != null) {
            throw new IllegalArgumentException("case: #" + caseId + " was merged into #" + view.details().mergedIntoId()
                    + "; add that case to the incident");
        }
        if (view.posts().isEmpty()) {
            throw new IllegalArgumentException("case: #" + caseId + " has no customer post to reply to");
        }
        Post post = view.latestPost();
        TemplateContext forPost = templates.contextFor(post, sender.name(), sender.initials());
        // The case's own number, which the customer can quote back to any colleague.
        TemplateContext context = new TemplateContext(forPost.customerName(), forPost.customerHandle(), forPost.agentName(),
                forPost.agentInitials(), view.details().number(), forPost.brandName());
        return new Addressed(post, ReplyTemplates.render(incident.statement(kind), context));
    }

    /** The holding statement goes out while the incident is open, the resolution statement once it is resolved. */
    private Incident sendable(long incidentId, StatementKind kind) {
        Incident incident = incidents.get(incidentId);
        if (kind == StatementKind.HOLDING && !incident.isOpen()) {
            throw new ConflictException("incident: #" + incidentId + " is resolved; its cases hear the resolution statement");
        }
        if (kind == StatementKind.RESOLUTION && incident.isOpen()) {
            throw new ConflictException("incident: #" + incidentId + " is still open; resolve it to send the resolution statement");
        }
        return incident;
    }

    private record Addressed(Post post, String text) {
    }
}
