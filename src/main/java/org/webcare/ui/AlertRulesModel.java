package org.webcare.ui;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.webcare.alerting.AlertRule;
import org.webcare.alerting.AlertRules;

/** Puts the alert rules, by query, on the Listening page, so its controller need not know about alerts. */
@ControllerAdvice(assignableTypes = ListeningController.class)
class AlertRulesModel {

    private final AlertRules rules;

    AlertRulesModel(AlertRules rules) {
        this.rules = rules;
    }

    @ModelAttribute("alertRules")
    Map<Long, List<AlertRule>> alertRules() {
        return rules.all().stream().filter(rule -> rule.queryId() != null)
                .collect(Collectors.groupingBy(AlertRule::queryId));
    }

    @ModelAttribute("brandAlertRules")
    Map<Long, List<AlertRule>> brandAlertRules() {
        return rules.all().stream().filter(rule -> rule.brandId() != null)
                .collect(Collectors.groupingBy(AlertRule::brandId));
    }
}
