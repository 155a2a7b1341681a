package org.webcare.sla;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.webcare.channel.OutboundGuard;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells warnings and breaches outside the app when the clock's policy asks for it: an e-mail and/or a small JSON POST
 * to a webhook (checked by the {@link OutboundGuard}, like every request to a user-given address). Sent after the
 * claim committed, so at most once; a failure is logged and not retried (the app's notification remains).
 */
@Component
class SlaAlerts {

    private static final Logger log = LoggerFactory.getLogger(SlaAlerts.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final SlaPolicies policies;
    private final ObjectProvider<JavaMailSender> mail;
    private final OutboundGuard guard;
    private final String from;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SlaAlerts(JdbcClient jdbc, SlaPolicies policies, ObjectProvider<JavaMailSender> mail, OutboundGuard guard,
              @Value("${webcare.sla.mail-from:${webcare.alerts.from:webcare@localhost}}") String from) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.mail = mail;
        this.guard = guard;
        this.from = from;
    }

    @TransactionalEventListener
    void on(SlaWarning warning) {
        send("sla.warning", warning.clockId(), warning.caseId(), warning.kind(), warning.dueAt(), warning.at());
    }

    @TransactionalEventListener
    void on(SlaBreached breach) {
        send("sla.breached", breach.clockId(), breach.caseId(), breach.kind(), breach.dueAt(), breach.at());
    }

    private void send(String event, long clockId, long caseId, ClockKind kind, Instant dueAt, Instant at) {
        Long policyId = jdbc.sql("select policy_id from sla_clock where id = ?").param(clockId).query(Long.class).optional().orElse(null);
        SlaPolicy policy = policyId == null ? null : policies.find(policyId).orElse(null);
        if (policy == null) {
            return;
        }
        String what = (event.equals("sla.warning") ? "SLA warning" : "SLA breached") + ": case #" + caseId + ", "
                + kind.json().replace('-', ' ') + " due " + dueAt;
        if (policy.notifyEmail() != null) {
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(policy.notifyEmail());
                message.setSubject(what);
                message.setText(what + "\n");
                mail.getObject().send(message);
            } catch (RuntimeException e) {
                log.warn("Could not e-mail {} for case {}: {}", event, caseId, e.getMessage());
            }
        }
        if (policy.notifyWebhook() != null) {
            try {
                URI target = URI.create(policy.notifyWebhook());
                guard.check(target);
                String body = JSON.writeValueAsString(new Payload(event, caseId, kind.json(), dueAt, at));
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() >= 300) {
                    log.warn("Webhook for {} of case {} answered {}", event, caseId, response.statusCode());
                }
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                log.warn("Could not call the webhook for {} of case {}: {}", event, caseId, e.getMessage());
            }
        }
    }

    record Payload(String event, long caseId, String clock, Instant dueAt, Instant at) {
    }
}
