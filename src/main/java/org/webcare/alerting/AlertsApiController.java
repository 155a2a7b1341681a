package org.webcare.alerting;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the alert rules. Invalid input is answered 400 with the field and the reason (see ApiErrors). */
@RestController
@Tag(name = "Alerts")
class AlertsApiController {

    private final AlertRules rules;

    AlertsApiController(AlertRules rules) {
        this.rules = rules;
    }

    @GetMapping("/api/v1/alerts")
    List<RuleView> all() {
        return rules.all().stream().map(RuleView::of).toList();
    }

    @PostMapping("/api/v1/alerts")
    ResponseEntity<RuleView> create(@RequestBody RuleRequest request) {
        AlertRule saved = rules.save(request.queryId(), request.brandId(), request.cadence(), request.emails(),
                request.webhookUrl(), null);
        return ResponseEntity.created(URI.create("/api/v1/alerts/" + saved.id())).body(RuleView.of(saved));
    }

    @DeleteMapping("/api/v1/alerts/{id}")
    ResponseEntity<Void> remove(@PathVariable long id) {
        return rules.remove(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    /**
     * @param queryId a saved query (its matches and crises), or
     * @param brandId a brand (its crises)
     * @param cadence {@code instant}, {@code hourly} or {@code daily}
     */
    record RuleRequest(Long queryId, Long brandId, String cadence, List<String> emails, String webhookUrl) {
    }

    /** A rule as listed: the webhook shows only its host, because the URL itself is a credential. */
    record RuleView(long id, Long queryId, Long brandId, Cadence cadence, List<String> emails, String webhook, Instant createdAt) {

        static RuleView of(AlertRule rule) {
            return new RuleView(rule.id(), rule.queryId(), rule.brandId(), rule.cadence(), rule.emails(),
                    rule.maskedWebhook(), rule.createdAt());
        }
    }
}
