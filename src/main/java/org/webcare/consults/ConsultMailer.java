package org.webcare.consults;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.webcare.cases.CaseView;
import org.webcare.cases.Cases;

/**
 * Sends the e-mails to experts: at once after a consult is asked, and again when sending failed (backing off up to
 * half an hour, giving up after {@value #MAX_ATTEMPTS} attempts). An e-mail is claimed by pushing its next attempt a
 * lease ahead ({@code SKIP LOCKED}: two nodes never claim the same one); a crash between sending and recording it
 * sends it once more after the lease, with the same Message-ID. Each e-mail carries a fresh answer link, stored (as a
 * hash) before it is sent, so every link an expert received works.
 */
@Component
class ConsultMailer {

    static final int MAX_ATTEMPTS = 8;
    private static final Logger log = LoggerFactory.getLogger(ConsultMailer.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration MAX_RETRY = Duration.ofMinutes(30);
    private static final int BATCH = 20;

    private final ConsultRepository repository;
    private final ConsultMail mail;
    private final ConsultLinks links;
    private final ConsultChecks checks;
    private final Cases cases;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService immediately = Executors.newVirtualThreadPerTaskExecutor();

    ConsultMailer(ConsultRepository repository, ConsultMail mail, ConsultLinks links, ConsultChecks checks, Cases cases,
                  TransactionTemplate transactions, ObjectProvider<Clock> clock) {
        this.repository = repository;
        this.mail = mail;
        this.links = links;
        this.checks = checks;
        this.cases = cases;
        this.transactions = transactions;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** The expert should not wait for the next round: send as soon as the consult is committed. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(ConsultAsked asked) {
        immediately.submit(() -> {
            try {
                sendDue();
            } catch (RuntimeException e) {
                log.warn("Sending the e-mail of consult {} failed; the next round tries again", asked.consultId(), e);
            }
        });
    }

    @PreDestroy
    void stop() {
        immediately.shutdown();
    }

    /** Sends every e-mail that is due; returns how many were tried. */
    int sendDue() {
        Instant at = clock.instant();
        List<Long> claimed = transactions.execute(status -> repository.claimMail(at, at.plus(LEASE), BATCH));
        for (long consultId : claimed) {
            try {
                send(consultId);
            } catch (RuntimeException e) {
                log.warn("Sending the e-mail of consult {} failed unexpectedly", consultId, e);
                record(consultId, new ConsultMail.Retry("Unexpected error: " + e.getMessage()));
            }
        }
        return claimed.size();
    }

    private void send(long consultId) {
        Consult consult = repository.find(consultId, clock.instant()).orElseThrow();
        CaseView view = cases.view(consult.caseId()).orElseThrow();
        String token = ConsultTokens.TOKENS.create();
        // Committed before sending: the link works the moment the expert can click it.
        transactions.executeWithoutResult(status -> repository.addLink(ConsultTokens.TOKENS.hash(token), consultId, clock.instant()));
        String messageId = repository.messageId(consultId).orElseThrow();
        record(consultId, mail.send(consult, view, messageId, links.answer(token), checks.tag(consultId)));
    }

    private void record(long consultId, ConsultMail.Outcome outcome) {
        Instant at = clock.instant();
        transactions.executeWithoutResult(status -> {
            repository.lock(consultId, at).orElseThrow();
            switch (outcome) {
                case ConsultMail.Sent sent -> repository.mailSent(consultId, at);
                case ConsultMail.Failed failed -> repository.mailFailed(consultId, failed.reason(), null);
                case ConsultMail.Retry retry -> {
                    int attempts = repository.mailAttempts(consultId) + 1;
                    repository.mailFailed(consultId, retry.reason(), attempts >= MAX_ATTEMPTS ? null : at.plus(backoff(attempts)));
                }
            }
        });
        if (!(outcome instanceof ConsultMail.Sent)) {
            log.warn("The e-mail of consult {} was not sent: {}", consultId, outcome);
        }
    }

    static Duration backoff(int failedAttempts) {
        long seconds = FIRST_RETRY.toSeconds() << Math.min(failedAttempts - 1, 10);
        return Duration.ofSeconds(Math.min(seconds, MAX_RETRY.toSeconds()));
    }
}
