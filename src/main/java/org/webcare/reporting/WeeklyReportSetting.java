package org.webcare.reporting;

import java.util.List;

/**
 * Whether a brand's weekly e-mail report is on, who receives it and in which language ({@code en} or {@code nl}).
 * A brand that was never set up has the report off, no recipients and English.
 */
public record WeeklyReportSetting(long brandId, boolean enabled, List<String> recipients, String language) {

    public WeeklyReportSetting {
        recipients = List.copyOf(recipients);
    }

    static WeeklyReportSetting off(long brandId) {
        return new WeeklyReportSetting(brandId, false, List.of(), "en");
    }
}
