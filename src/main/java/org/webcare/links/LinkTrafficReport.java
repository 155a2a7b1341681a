package org.webcare.links;

import java.time.LocalDate;
import java.util.List;

/**
 * Traffic sent to the website by the links in replies, over local days {@code from} to {@code to} (both included).
 *
 * @param rows per brand, channel, template or link target, most clicked first
 * @param days clicks per day over the period, for a chart
 */
public record LinkTrafficReport(LocalDate from, LocalDate to, LinkGrouping by, List<Row> rows, Row total, List<Day> days) {

    /**
     * @param key the brand or channel id, the template id (empty: no template), or the link's target
     * @param links short links made in the period (one per link per reply)
     * @param clicks visits in the period, on links made at any time
     * @param previews fetches by platforms for a preview card, not counted as clicks
     */
    public record Row(String key, String label, long links, long clicks, long previews) {

        /** Clicks per link made; null when no links were made. */
        public Double clicksPerLink() {
            return links == 0 ? null : (double) clicks / links;
        }
    }

    public record Day(LocalDate date, long clicks) {
    }

    public long peak() {
        return days.stream().mapToLong(Day::clicks).max().orElse(0);
    }
}
