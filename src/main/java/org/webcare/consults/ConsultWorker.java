package org.webcare.consults;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every poll interval: tries unsent consult e-mails again and reads experts' replies from the mailbox. */
@Component
@ConditionalOnProperty(name = "webcare.workers", havingValue = "true", matchIfMissing = true)
class ConsultWorker {

    private static final Logger log = LoggerFactory.getLogger(ConsultWorker.class);

    private final ConsultMailer mailer;
    private final ConsultInbox inbox;

    ConsultWorker(ConsultMailer mailer, ConsultInbox inbox) {
        this.mailer = mailer;
        this.inbox = inbox;
    }

    @Scheduled(fixedDelayString = "${webcare.consults.poll-interval:30s}", initialDelayString = "${webcare.consults.poll-interval:30s}")
    void run() {
        try {
            mailer.sendDue();
        } catch (RuntimeException e) {
            log.warn("Sending consult e-mails failed; trying again next round", e);
        }
        if (inbox.enabled()) {
            try {
                inbox.read();
            } catch (jakarta.mail.MessagingException | RuntimeException e) {
                log.warn("Reading the consult mailbox failed; trying again next round: {}", e.getMessage());
            }
        }
    }
}
