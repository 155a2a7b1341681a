package org.webcare.cases;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.webcare.intake.Post;
import org.webcare.shared.Intent;

/**
 * Suggests moving a conversation to a private channel before the agent answers in public: when the customer already
 * shared personal data in the case, or complains about something that needs their account details (the answer will
 * need them, and they should not be asked for in public).
 */
@Service
public class ReplyAdvice {

    // Words that say the customer's account is involved; with a complaint, the answer needs private details.
    private static final Pattern ACCOUNT_DETAILS = Pattern.compile(
            "(?iu)\\b(klant|order|bestel|contract|rekening|polis|account|abonnements?|factuur|dossier|customer|invoice|booking|boekings?)"
                    + "\\s*-?\\s*(nummer|nr\\.?|number|no\\.?|id)\\b|\\bmijn (account|rekening|abonnement|bestelling|factuur)\\b"
                    + "|\\bmy (account|subscription|order|invoice|booking)\\b|\\b\\d{6,}\\b");

    private final ReplyStyles styles;

    ReplyAdvice(ReplyStyles styles) {
        this.styles = styles;
    }

    /**
     * Why to reply privately, or nothing.
     *
     * @param kind {@code personal-data} (with {@code detail} the kinds found, e.g. {@code iban, phone}) or
     *             {@code account-complaint}
     */
    public record Reason(String kind, String detail) {
    }

    public List<Reason> goPrivate(CaseView view) {
        List<Reason> reasons = new ArrayList<>();
        ReplyCheck check = styles.of(view.details().brandId()).check();
        Set<String> kinds = new LinkedHashSet<>();
        for (Post post : view.posts()) {
            check.personalData(post.text()).forEach(finding -> kinds.add(finding.kind()));
        }
        if (!kinds.isEmpty()) {
            reasons.add(new Reason("personal-data", String.join(", ", kinds)));
        }
        boolean complaint = view.posts().stream()
                .anyMatch(p -> p.analysis() != null && p.analysis().intents().contains(Intent.COMPLAINT));
        if (complaint && view.posts().stream().anyMatch(p -> ACCOUNT_DETAILS.matcher(p.text()).find())) {
            reasons.add(new Reason("account-complaint", null));
        }
        return reasons;
    }
}
