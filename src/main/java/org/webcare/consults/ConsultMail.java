package org.webcare.consults;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.webcare.cases.CaseView;
import org.webcare.intake.Post;

/**
 * The e-mail that asks an expert: the question, the due time, the answer link and the customer's messages, as HTML
 * (rendered by Thymeleaf, which escapes the customer's words) with a plain-text alternative, in the language the
 * agent asked in. Its Message-ID is the consult's own, so a reply can be matched, and a copy sent again after a crash
 * folds into the first in mail clients.
 */
@Component
class ConsultMail {

    static final int POSTS_SHOWN = 20;

    private final ObjectProvider<JavaMailSender> sender;
    private final String host;
    private final ConsultSettings settings;
    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final ZoneId zone;

    ConsultMail(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String host, ConsultSettings settings,
                ITemplateEngine templates, MessageSource messages, @Value("${webcare.time-zone:Europe/Amsterdam}") String zone) {
        this.sender = sender;
        this.host = host == null ? "" : host.strip();
        this.settings = settings;
        this.templates = templates;
        this.messages = messages;
        this.zone = ZoneId.of(zone);
    }

    /** Whether an SMTP server is configured; without one no expert can be asked. */
    boolean configured() {
        return !host.isEmpty() && sender.getIfAvailable() != null;
    }

    sealed interface Outcome {
    }

    record Sent() implements Outcome {
    }

    record Retry(String reason) implements Outcome {
    }

    record Failed(String reason) implements Outcome {
    }

    /** What the e-mail says, in the agent's language. */
    record Letter(Locale locale, String subject, String intro, String question, String due, String link,
                  List<Line> posts, String answerHint) {
    }

    /** One of the customer's messages. */
    record Line(String author, String time, String text) {
    }

    Outcome send(Consult consult, CaseView view, String messageId, String link, String tag) {
        if (!configured()) {
            return new Failed("No SMTP server is configured (set WEBCARE_SMTP_HOST)");
        }
        Letter letter = letter(consult, view, link, tag);
        JavaMailSender mail = sender.getObject();
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(consult.expertEmail());
            helper.setSubject(letter.subject());
            helper.setText(plainText(letter), templates.process("consults/mail", new Context(letter.locale(), Map.of("letter", letter))));
            // Kept by JavaMailSenderImpl when set before sending: replies name it in In-Reply-To and References.
            message.setHeader("Message-ID", "<" + messageId + ">");
            // Out-of-office responders must not answer it: their reply would reference it and pass for the answer.
            message.setHeader("X-Auto-Response-Suppress", "OOF, AutoReply");
            mail.send(message);
            return new Sent();
        } catch (MailParseException | MailPreparationException e) {
            return new Failed("The e-mail could not be built: " + e.getMessage());
        } catch (MailAuthenticationException e) {
            return new Retry("The SMTP server refused the login: " + e.getMessage());
        } catch (MailException e) {
            return new Retry("Sending the e-mail failed: " + e.getMessage());
        } catch (MessagingException e) {
            return new Failed("The e-mail could not be built: " + e.getMessage());
        }
    }

    Letter letter(Consult consult, CaseView view, String link, String tag) {
        Locale locale = Locale.forLanguageTag(consult.language());
        String caseNumber = view.details().number();
        String brand = view.details().brandName();
        String due = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .format(consult.dueAt().atZone(zone));
        DateTimeFormatter postTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
        List<Post> posts = view.posts();
        List<Line> lines = posts.subList(Math.max(0, posts.size() - POSTS_SHOWN), posts.size()).stream()
                .map(post -> new Line(post.authorName() == null ? post.authorHandle() : post.authorName() + " (" + post.authorHandle() + ")",
                        postTime.format(post.createdAt().atZone(zone)), post.text()))
                .toList();
        return new Letter(locale,
                text("consults.mail.subject", locale, consult.askedBy(), caseNumber, brand, tag),
                text("consults.mail.intro", locale, consult.askedBy(), brand, caseNumber, view.details().customer()),
                consult.question(),
                text("consults.mail.due", locale, due),
                link,
                lines,
                text("consults.mail.answerHint", locale));
    }

    String plainText(Letter letter) {
        StringBuilder text = new StringBuilder(letter.intro()).append("\n\n")
                .append(letter.question().replaceAll("(?m)^", "    ")).append("\n\n")
                .append(letter.due()).append("\n\n")
                .append(text("consults.mail.answerHere", letter.locale())).append('\n').append(letter.link()).append("\n")
                .append(letter.answerHint()).append("\n\n");
        if (!letter.posts().isEmpty()) {
            text.append("== ").append(text("consults.mail.posts", letter.locale())).append(" ==\n\n");
            for (Line line : letter.posts()) {
                text.append(line.time()).append("  ").append(line.author()).append('\n')
                        .append(line.text().replaceAll("(?m)^", "  ")).append("\n\n");
            }
        }
        return text.append("-- \nWebcare\n").toString();
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
