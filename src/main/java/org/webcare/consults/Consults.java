package org.webcare.consults;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.webcare.cases.Actor;
import org.webcare.cases.Case;
import org.webcare.cases.CaseHistory;
import org.webcare.cases.CaseNote;
import org.webcare.cases.CaseStatus;
import org.webcare.cases.Cases;
import org.webcare.cases.Notes;
import org.webcare.shared.ConflictException;
import org.webcare.shared.NotFoundException;

/**
 * Questions about cases to experts. While any consult of a case is open the case waits in {@code pending-internal};
 * when the last one is answered (or cancelled) it is open again. An answer is taken once: through the link until it
 * expires, or by e-mail while the consult is open.
 */
@Service
public class Consults {

    static final int MAX_QUESTION = 5_000;
    static final int MAX_ANSWER = 10_000;
    static final Duration LONGEST_DUE = Duration.ofDays(365);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\",;:()\\[\\]]+@[^@\\s<>\",;:()\\[\\]]+\\.[^@\\s<>\",;:()\\[\\]]+$");
    private static final int LISTED = 500;

    private final ConsultRepository repository;
    private final Cases cases;
    private final Notes notes;
    private final CaseHistory history;
    private final ConsultMail mail;
    private final ConsultLinks links;
    private final ConsultSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ZoneId zone;
    private final Clock clock;

    Consults(ConsultRepository repository, Cases cases, Notes notes, CaseHistory history, ConsultMail mail,
             ConsultLinks links, ConsultSettings settings, ApplicationEventPublisher events,
             TransactionTemplate transactions, @Value("${webcare.time-zone:Europe/Amsterdam}") String zone,
             ObjectProvider<Clock> clock) {
        this.repository = repository;
        this.cases = cases;
        this.notes = notes;
        this.history = history;
        this.mail = mail;
        this.links = links;
        this.settings = settings;
        this.events = events;
        this.transactions = transactions;
        this.zone = ZoneId.of(zone);
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /**
     * The due time from either an absolute time ({@code 2026-11-24T16:00:00+01:00}, or a local time in the team's
     * time zone as a browser's date-time field sends it) or an ISO duration from now ({@code PT4H}, {@code P1D}).
     */
    public Instant dueFrom(String dueAt, String dueIn) {
        boolean at = dueAt != null && !dueAt.isBlank();
        boolean in = dueIn != null && !dueIn.isBlank();
        if (at && in) {
            throw new IllegalArgumentException("dueIn: give dueAt or dueIn, not both");
        }
        if (!at && !in) {
            throw new IllegalArgumentException("dueAt: say when the answer is due (dueAt, or dueIn such as PT4H)");
        }
        if (in) {
            Duration duration;
            try {
                duration = Duration.parse(dueIn.strip());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("dueIn: must be an ISO duration such as PT4H or P1D, got '" + dueIn.strip() + "'");
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("dueIn: must be positive");
            }
            if (duration.compareTo(LONGEST_DUE) > 0) {
                throw new IllegalArgumentException("dueIn: must be within a year");
            }
            return now().plus(duration);
        }
        String value = dueAt.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDateTime.parse(value).atZone(zone).toInstant();
            } catch (DateTimeException again) {
                throw new IllegalArgumentException("dueAt: must be a time such as 2026-11-24T16:00:00+01:00, got '" + value + "'");
            }
        }
    }

    /** Asks an expert; the e-mail to them goes out once this commits. The case waits in pending-internal if it can. */
    @Transactional
    public Consult ask(long caseId, String expertEmail, String question, Instant dueAt, Locale language, Actor asker) {
        String expert = expertEmail == null ? "" : expertEmail.strip();
        if (expert.isEmpty()) {
            throw new IllegalArgumentException("expertEmail: is required");
        }
        if (expert.length() > 254 || !EMAIL.matcher(expert).matches()) {
            throw new IllegalArgumentException("expertEmail: '" + expert + "' is not an e-mail address");
        }
        String asked = text("question", question, MAX_QUESTION);
        Instant now = now();
        if (dueAt == null) {
            throw new IllegalArgumentException("dueAt: say when the answer is due (dueAt, or dueIn such as PT4H)");
        }
        if (!dueAt.isAfter(now)) {
            throw new IllegalArgumentException("dueAt: must be in the future");
        }
        if (dueAt.isAfter(now.plus(LONGEST_DUE))) {
            throw new IllegalArgumentException("dueAt: must be within a year");
        }
        if (!mail.configured()) {
            throw new ConflictException("consult: no SMTP server is configured (set WEBCARE_SMTP_HOST), so no expert can be e-mailed");
        }
        Case current = cases.get(caseId);
        if (current.mergedIntoId() != null || current.status() == CaseStatus.CLOSED) {
            throw new ConflictException("case: #" + caseId + " is closed");
        }
        String lang = language != null && language.getLanguage().equals("nl") ? "nl" : "en";
        long id = repository.insert(new ConsultRepository.NewConsult(caseId, expert, asked, lang, asker.userId(),
                asker.name(), now, dueAt, dueAt.plus(settings.linkValidAfterDue()), links.newMessageId()));
        history.record(caseId, asker, "consult-asked", expert, null);
        if (current.status() != CaseStatus.PENDING_INTERNAL && current.status().canMoveTo(CaseStatus.PENDING_INTERNAL)) {
            cases.changeStatus(caseId, CaseStatus.PENDING_INTERNAL, asker, "waiting for an answer from " + expert);
        }
        events.publishEvent(new ConsultAsked(id, caseId));
        return get(id);
    }

    public Optional<Consult> find(long consultId) {
        return repository.find(consultId, now());
    }

    /** A case's consults, oldest first. */
    public List<Consult> ofCase(long caseId) {
        cases.get(caseId);
        return repository.ofCase(caseId, now());
    }

    /** Open consults of all cases, soonest due first; only the overdue ones when asked. */
    public List<Consult> open(boolean overdueOnly) {
        return repository.open(overdueOnly, now(), LISTED);
    }

    /** What an answer link leads to, without changing anything. */
    public ConsultLink linked(String token) {
        return linked(token, false);
    }

    /**
     * Takes the expert's answer given through the link, once: a link that was used, cancelled or expired is refused.
     *
     * @throws IllegalArgumentException when the answer is empty or too long (nothing is recorded)
     */
    @Transactional
    public ConsultLink answerByLink(String token, String answer) {
        ConsultLink link = linked(token, true);
        if (link instanceof ConsultLink.Open open) {
            return new ConsultLink.Accepted(answer(open.consult(), answer, open.consult().expertEmail(), Consult.AnsweredVia.LINK));
        }
        return link;
    }

    /** An agent withdraws an open question; its link stops working. */
    @Transactional
    public Consult cancel(long caseId, long consultId, Actor actor) {
        Consult consult = repository.lock(consultId, now()).filter(c -> c.caseId() == caseId)
                .orElseThrow(() -> new NotFoundException("consult: case #" + caseId + " has no consult " + consultId));
        if (!consult.open()) {
            throw new ConflictException("consult: #" + consultId + " was already "
                    + (consult.status() == ConsultStatus.ANSWERED ? "answered" : "cancelled"));
        }
        repository.cancelled(consultId, actor.name(), now());
        history.record(caseId, actor, "consult-cancelled", consult.expertEmail(), null);
        reopenWhenNoneOpen(caseId, actor, "no question to an expert is open any more");
        return get(consultId);
    }

    /**
     * Takes an answer that came by e-mail, when the consult is still open; {@code answeredBy} is the reply's sender.
     * Empty when the consult was already answered or cancelled (a second reply, or the same one read again).
     */
    Optional<Consult> answerByMail(long consultId, String answer, String answeredBy) {
        return transactions.execute(status -> repository.lock(consultId, now()).filter(Consult::open)
                .map(consult -> answer(consult, answer, answeredBy, Consult.AnsweredVia.EMAIL)));
    }

    private Consult answer(Consult consult, String text, String answeredBy, Consult.AnsweredVia via) {
        String answer = text("answer", text, MAX_ANSWER);
        Instant now = now();
        long waited = Math.max(0, Duration.between(consult.askedAt(), now).toMinutes());
        repository.answered(consult.id(), answer, answeredBy, via, now, waited);
        CaseNote note = notes.addConsultAnswer(consult.caseId(), consult.id(), answeredBy, answer, consult.askedByUserId());
        reopenWhenNoneOpen(consult.caseId(), Actor.WEBCARE, "the expert answered");
        events.publishEvent(new ConsultAnswered(consult.id(), consult.caseId(), note.id()));
        return get(consult.id());
    }

    private void reopenWhenNoneOpen(long caseId, Actor actor, String reason) {
        if (repository.openOfCase(caseId) == 0 && cases.get(caseId).status() == CaseStatus.PENDING_INTERNAL) {
            cases.changeStatus(caseId, CaseStatus.OPEN, actor, reason);
        }
    }

    private ConsultLink linked(String token, boolean lock) {
        if (!ConsultTokens.TOKENS.wellFormed(token)) {
            return new ConsultLink.Unknown();
        }
        Optional<Long> consultId = repository.byTokenHash(ConsultTokens.TOKENS.hash(token));
        if (consultId.isEmpty()) {
            return new ConsultLink.Unknown();
        }
        Instant now = now();
        Consult consult = (lock ? repository.lock(consultId.get(), now) : repository.find(consultId.get(), now)).orElseThrow();
        if (consult.status() == ConsultStatus.ANSWERED) {
            return new ConsultLink.Gone(ConsultLink.Reason.ANSWERED);
        }
        if (consult.status() == ConsultStatus.CANCELLED) {
            return new ConsultLink.Gone(ConsultLink.Reason.CANCELLED);
        }
        if (!now.isBefore(consult.linkExpiresAt())) {
            return new ConsultLink.Gone(ConsultLink.Reason.EXPIRED);
        }
        return new ConsultLink.Open(consult, cases.get(consult.caseId()).brandName());
    }

    private Consult get(long consultId) {
        return repository.find(consultId, now()).orElseThrow();
    }

    private Instant now() {
        return clock.instant();
    }

    private static String text(String field, String value, int max) {
        String cleaned = value == null ? "" : value.strip();
        if (cleaned.isEmpty()) {
            throw new IllegalArgumentException(field + ": is required");
        }
        if (cleaned.length() > max) {
            throw new IllegalArgumentException(field + ": is longer than " + max + " characters");
        }
        return cleaned;
    }
}
