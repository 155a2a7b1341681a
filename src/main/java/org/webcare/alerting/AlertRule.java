package org.webcare.alerting;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Who is told about a saved query's matches, or about a brand's crises, how often and where.
 *
 * @param queryId the saved listening query, or {@code null} for a brand's rule
 * @param brandId the brand, or {@code null} for a query's rule; a brand's rule receives only crisis alerts
 * @param emails recipients, possibly none when a webhook is set
 * @param webhookUrl an incoming webhook (Slack, Microsoft Teams), or {@code null}
 */
public record AlertRule(long id, Long queryId, Long brandId, Cadence cadence, List<String> emails, String webhookUrl,
                        Instant createdAt) {

    public AlertRule {
        emails = List.copyOf(emails);
    }

    /**
     * The webhook without its path: incoming webhook URLs are credentials (anyone holding one can post to the
     * channel), so screens and API listings show only where it points.
     */
    public String maskedWebhook() {
        if (webhookUrl == null) {
            return null;
        }
        URI uri = URI.create(webhookUrl);
        return uri.getScheme() + "://" + uri.getAuthority() + "/…";
    }
}
