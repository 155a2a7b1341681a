package org.webcare.reporting;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.webcare.channel.Brand;
import org.webcare.channel.Channels;

/**
 * The weekly e-mail report: every enabled brand's key figures of the past complete week (Monday to Sunday in
 * webcare.time-zone) beside the week before, sent once per brand and week.
 *
 * <p>"Once" holds across nodes and restarts because a brand's week is claimed by inserting its row in
 * {@code weekly_report_run} before anything is sent: only the node whose insert wins sends. A week whose mail failed
 * keeps its row with the reason; it is not retried on its own (the "send now" button sends it by hand).
 */
@Service
public class WeeklyReports {

    private static final Logger log = LoggerFactory.getLogger(WeeklyReports.class);

    private final JdbcClient jdbc;
    private final WeeklyReportSettings settings;
    private final WeeklyReportMail mail;
    private final KpiReports kpis;
    private final Channels channels;
    private final ZoneId zone;
    private final String publicUrl;
    private final Environment environment;

    WeeklyReports(JdbcClient jdbc, WeeklyReportSettings settings, WeeklyReportMail mail, KpiReports kpis, Channels channels,
                  @Value("${webcare.time-zone:Europe/Amsterdam}") String zone,
                  @Value("${webcare.public-url:}") String publicUrl, Environment environment) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.mail = mail;
        this.kpis = kpis;
        this.channels = channels;
        this.zone = ZoneId.of(zone);
        this.publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
        this.environment = environment;
    }

    /** Whether mail can be sent at all; the reports page says so beside the settings. */
    public boolean mailConfigured() {
        return mail.configured();
    }

    /** The scheduled run: sends the past complete week of every enabled brand that was not sent yet. */
    @Scheduled(cron = "${webcare.reports.weekly-cron:0 0 7 * * MON}", zone = "${webcare.time-zone:Europe/Amsterdam}")
    public void scheduled() {
        sendDue();
    }

    /** Sends the past complete week of every enabled brand whose week no node claimed yet; returns how many were sent. */
    public int sendDue() {
        if (!mail.configured()) {
            log.info("Weekly reports skipped: no SMTP server is configured (set WEBCARE_SMTP_HOST)");
            return 0;
        }
        LocalDate week = lastCompleteWeek(Instant.now());
        int sent = 0;
        for (WeeklyReportSetting setting : settings.enabled()) {
            if (setting.recipients().isEmpty() || !claim(setting.brandId(), week)) {
                continue;
            }
            try {
                WeeklyReport report = report(setting.brandId(), week);
                mail.send(report, setting.recipients(), setting.language(), setting.brandId() + "-" + week);
                jdbc.sql("update weekly_report_run set sent_at = now() where brand_id = :brand and week_start = :week")
                        .param("brand", setting.brandId()).param("week", week).update();
                sent++;
            } catch (RuntimeException e) {
                log.warn("Weekly report of brand {} for the week of {} could not be sent: {}", setting.brandId(), week, e.getMessage());
                jdbc.sql("update weekly_report_run set failure = :failure where brand_id = :brand and week_start = :week")
                        .param("failure", String.valueOf(e.getMessage())).param("brand", setting.brandId()).param("week", week)
                        .update();
            }
        }
        return sent;
    }

    /**
     * Sends the past complete week of one brand to its recipients now, whether the report is switched on or not (to
     * try the settings); does not count as the week's scheduled mail.
     *
     * @return the recipients it went to
     * @throws IllegalStateException when there are no recipients or no mail server
     */
    public List<String> sendNow(long brandId) {
        WeeklyReportSetting setting = settings.of(brandId);
        if (setting.recipients().isEmpty()) {
            throw new IllegalStateException("recipients: save at least one e-mail address first");
        }
        if (!mail.configured()) {
            throw new IllegalStateException("No SMTP server is configured (set WEBCARE_SMTP_HOST)");
        }
        mail.send(report(brandId, lastCompleteWeek(Instant.now())), setting.recipients(), setting.language(), null);
        return setting.recipients();
    }

    /** The newest week the job claimed for a brand: when it was sent, or why it failed. */
    public java.util.Optional<WeeklyReportRun> lastRun(long brandId) {
        return jdbc.sql("""
                        select week_start, sent_at, failure from weekly_report_run where brand_id = :brand
                        order by week_start desc limit 1""")
                .param("brand", brandId)
                .query((rs, n) -> new WeeklyReportRun(rs.getObject("week_start", LocalDate.class),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(), rs.getString("failure")))
                .optional();
    }

    /** The Monday of the last week that ended before {@code now}, in webcare.time-zone. */
    LocalDate lastCompleteWeek(Instant now) {
        return LocalDate.ofInstant(now, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
    }

    WeeklyReport report(long brandId, LocalDate weekStart) {
        Brand brand = channels.brand(brandId).orElseThrow(() -> new IllegalArgumentException("brand: no brand with id " + brandId));
        KpiQuery week = query(brandId, weekStart);
        KpiQuery previous = query(brandId, weekStart.minusWeeks(1));
        String dashboard = base() + "/reports?brand=" + brandId + "&period=custom&from=" + weekStart + "&to=" + weekStart.plusDays(6);
        return new WeeklyReport(brandId, brand.name(), weekStart, kpis.report(week, KpiDimension.BRAND).total(),
                kpis.report(previous, KpiDimension.BRAND).total(), compliance(week), compliance(previous), dashboard);
    }

    private KpiQuery query(long brandId, LocalDate weekStart) {
        return new KpiQuery(weekStart.atStartOfDay(zone).toInstant(), weekStart.plusWeeks(1).atStartOfDay(zone).toInstant(),
                brandId, null, null, null);
    }

    private Double compliance(KpiQuery query) {
        long met = 0;
        long breached = 0;
        for (SlaCompliance clocks : kpis.slaCompliance(query)) {
            met += clocks.met();
            breached += clocks.breached();
        }
        return met + breached == 0 ? null : (double) met / (met + breached);
    }

    /** True for the one caller whose insert made the row: that node sends, every other sees the row and skips. */
    private boolean claim(long brandId, LocalDate week) {
        return jdbc.sql("insert into weekly_report_run (brand_id, week_start) values (:brand, :week) on conflict do nothing")
                .param("brand", brandId).param("week", week).update() == 1;
    }

    private String base() {
        if (!publicUrl.isEmpty()) {
            return publicUrl;
        }
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}
