package org.webcare.alerting;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Sends a {@link Digest} as e-mail: HTML rendered by Thymeleaf (which escapes the posts' text) with a plain-text
 * alternative.
 *
 * <p>The Message-ID is derived from the alerts it carries, so when a crash makes Webcare send the same alert again
 * after its lease, mail clients and archives see one message, not two.
 */
@Component
class AlertMail {

    private final ObjectProvider<JavaMailSender> sender;
    private final String host;
    private final AlertSettings settings;
    private final ITemplateEngine templates;
    private final AlertLinks links;

    AlertMail(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String host, AlertSettings settings,
              ITemplateEngine templates, AlertLinks links) {
        this.sender = sender;
        this.host = host == null ? "" : host.strip();
        this.settings = settings;
        this.templates = templates;
        this.links = links;
    }

    /** Whether an SMTP server is configured; without one, e-mail rules are refused when saved. */
    boolean configured() {
        return !host.isEmpty() && sender.getIfAvailable() != null;
    }

    SendOutcome send(Digest digest, List<String> recipients, String messageKey) {
        if (!configured()) {
            return new SendOutcome.Failed("No SMTP server is configured (set WEBCARE_SMTP_HOST)");
        }
        JavaMailSender mail = sender.getObject();
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(recipients.toArray(String[]::new));
            helper.setSubject(digest.subject());
            helper.setText(plainText(digest), html(digest));
            // Kept by JavaMailSenderImpl when set before sending; see the class comment for why it is fixed.
            message.setHeader("Message-ID", messageId(messageKey));
            // RFC 3834: vacation responders and ticket systems must not answer an automatic message.
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("X-Auto-Response-Suppress", "All");
            mail.send(message);
            return new SendOutcome.Sent();
        } catch (MailParseException | MailPreparationException e) {
            return new SendOutcome.Failed("The e-mail could not be built: " + e.getMessage());
        } catch (MailAuthenticationException e) {
            return new SendOutcome.Retry("The SMTP server refused the login: " + e.getMessage());
        } catch (MailException e) {
            return new SendOutcome.Retry("Sending the e-mail failed: " + e.getMessage());
        } catch (MessagingException e) {
            return new SendOutcome.Failed("The e-mail could not be built: " + e.getMessage());
        }
    }

    String messageId(String key) {
        String domain = java.net.URI.create(links.base()).getHost();
        return "<webcare-alert-" + key + "@" + (domain == null ? "webcare.local" : domain) + ">";
    }

    String html(Digest digest) {
        return templates.process("alerting/mail", new Context(Locale.ENGLISH, Map.of("digest", digest)));
    }

    static String plainText(Digest digest) {
        StringBuilder text = new StringBuilder(digest.heading()).append("\n\n");
        if (digest.crisis() != null) {
            text.append(digest.crisis().kind()).append(": ").append(digest.crisis().reason()).append('\n')
                    .append("Live view: ").append(digest.crisis().liveViewUrl()).append("\n\n");
        }
        for (Digest.Section section : digest.sections()) {
            text.append("== ").append(section.title()).append(" ==\n").append(section.link()).append("\n\n");
            for (Digest.Entry entry : section.entries()) {
                text.append(entry.time()).append("  ").append(entry.author()).append('\n')
                        .append(entry.text().replaceAll("(?m)^", "  ")).append('\n')
                        .append("  ").append(entry.link()).append("\n\n");
            }
            if (section.more() > 0) {
                text.append("… and ").append(section.more()).append(" more\n\n");
            }
        }
        return text.append("-- \nWebcare ").append(digest.webcareUrl()).append('\n').toString();
    }
}
