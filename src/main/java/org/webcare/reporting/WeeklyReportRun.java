package org.webcare.reporting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One brand's week as the weekly job handled it.
 *
 * @param weekStart the Monday the week starts
 * @param sentAt when the mail went out, or null when it did not
 * @param failure why sending failed, or null
 */
public record WeeklyReportRun(LocalDate weekStart, Instant sentAt, String failure) {
}
