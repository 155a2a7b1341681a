package org.webcare.reporting;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Sends a {@link WeeklyReport} as e-mail in the brand's language: HTML rendered by Thymeleaf (which escapes the
 * brand's name) with a plain-text alternative carrying the same figures, as alert mails are sent.
 */
@Component
class WeeklyReportMail {

    private final ObjectProvider<JavaMailSender> sender;
    private final String host;
    private final String from;
    private final ITemplateEngine templates;
    private final MessageSource messages;

    WeeklyReportMail(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String host,
                     @Value("${webcare.reports.from:${webcare.alerts.from:webcare@localhost}}") String from,
                     ITemplateEngine templates, MessageSource messages) {
        this.sender = sender;
        this.host = host == null ? "" : host.strip();
        this.from = from == null || from.isBlank() ? "webcare@localhost" : from.strip();
        this.templates = templates;
        this.messages = messages;
    }

    /** Whether an SMTP server is configured; without one the weekly job logs and skips. */
    boolean configured() {
        return !host.isEmpty() && sender.getIfAvailable() != null;
    }

    /**
     * @param messageKey fixes the Message-ID, so a week that is sent again after a crash is one message to mail clients;
     *                   null for a fresh one (sent by hand)
     * @throws MailException or {@link IllegalStateException} when the mail could not be built or sent
     */
    void send(WeeklyReport report, List<String> recipients, String language, String messageKey) {
        if (!configured()) {
            throw new IllegalStateException("No SMTP server is configured (set WEBCARE_SMTP_HOST)");
        }
        Locale locale = Locale.forLanguageTag(language);
        JavaMailSender mail = sender.getObject();
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(recipients.toArray(String[]::new));
            helper.setSubject(subject(report, locale));
            helper.setText(plainText(report, locale), html(report, locale));
            if (messageKey != null) {
                message.setHeader("Message-ID", "<webcare-weekly-" + messageKey + "@" + domain(report.dashboardUrl()) + ">");
            }
            // RFC 3834: vacation responders must not answer an automatic message.
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("X-Auto-Response-Suppress", "All");
            mail.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("The e-mail could not be built: " + e.getMessage(), e);
        }
    }

    String subject(WeeklyReport report, Locale locale) {
        return messages.getMessage("reports.mail.subject", new Object[]{report.brandName(), report.weekNumber(),
                report.weekStart().toString(), report.weekEnd().toString()}, locale);
    }

    String html(WeeklyReport report, Locale locale) {
        return templates.process("reports/weekly-mail", new Context(locale, Map.of("report", report,
                "lines", report.lines(locale), "subject", subject(report, locale))));
    }

    String plainText(WeeklyReport report, Locale locale) {
        StringBuilder text = new StringBuilder(subject(report, locale)).append("\n\n");
        String weekBefore = messages.getMessage("reports.mail.weekBefore", null, locale);
        for (WeeklyReport.Line line : report.lines(locale)) {
            text.append(messages.getMessage("reports.mail.figure." + line.key(), null, locale)).append(": ")
                    .append(line.value()).append("  (").append(weekBefore).append(": ").append(line.previous()).append(")\n");
        }
        text.append('\n');
        text.append(messages.getMessage("reports.mail.open", null, locale)).append(": ").append(report.dashboardUrl()).append('\n');
        return text.append("-- \n").append(messages.getMessage("reports.mail.why", null, locale)).append('\n').toString();
    }

    private static String domain(String url) {
        String domain = java.net.URI.create(url).getHost();
        return domain == null ? "webcare.local" : domain;
    }
}
