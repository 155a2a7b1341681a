package org.webcare.consults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Actor;
import org.webcare.cases.CaseStatus;
import org.webcare.cases.Cases;
import org.webcare.cases.Notes;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.support.Eventually;
import org.webcare.support.IntegrationTest;
import org.webcare.support.TestExpert;
import org.webcare.support.TestMailServer;

/**
 * Experts answering by replying to the consult e-mail: the reply goes through the SMTP server into the mailbox
 * Webcare reads over IMAP, and lands in the case without the quoted text.
 */
class ConsultMailRepliesIntegrationTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-agent-password";

    @Autowired
    Intake intake;

    @Autowired
    Cases cases;

    @Autowired
    Notes notes;

    @Autowired
    Consults consults;

    @Test
    void anExpertsReplyLandsInTheCaseWithoutTheQuotedText() {
        Asked asked = ask("Klopt het tarief van " + unique("contract") + "?");

        sendReply(asked.expert(), "Re: " + TestExpert.subject(asked.mail()), "In-Reply-To: " + TestExpert.messageId(asked.mail()), """
                Ja, dat tarief klopt.
                Groet, Piet

                Op di 24 nov 2026 om 14:05 schreef Webcare <consults@example.org>:
                > Anne de Vries van het webcareteam heeft een vraag voor je
                > Klopt het tarief?
                """);

        Consult answered = answered(asked.consultId());
        assertThat(answered.answer()).isEqualTo("Ja, dat tarief klopt.\nGroet, Piet");
        assertThat(answered.answeredVia()).isEqualTo(Consult.AnsweredVia.EMAIL);
        assertThat(answered.answeredBy()).isEqualTo(asked.expert());
        assertThat(notes.of(asked.caseId())).singleElement().satisfies(note -> {
            assertThat(note.text()).isEqualTo("Ja, dat tarief klopt.\nGroet, Piet");
            assertThat(note.authorName()).isEqualTo(asked.expert());
            assertThat(note.consultId()).isEqualTo(asked.consultId());
        });
        assertThat(cases.get(asked.caseId()).status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void aColleagueOfTheExpertIsHeardOnlyWhenTheReplyReferencesTheConsultEmail() {
        Asked asked = ask("Wie gaat over " + unique("storing") + "?");
        String colleague = unique("collega") + "@example.org";

        sendReply(colleague, "Fwd: " + TestExpert.subject(asked.mail()), null, "Ik denk team Noord.");
        webcareReadTheMailbox();
        assertThat(consults.find(asked.consultId()).orElseThrow().status()).as("a tag alone is not enough from another address")
                .isEqualTo(ConsultStatus.OPEN);

        sendReply(colleague, "Re: doorgestuurd", "References: <elders@example.org> " + TestExpert.messageId(asked.mail()),
                "Piet is op vakantie; team Noord gaat erover.");
        Consult answered = answered(asked.consultId());
        assertThat(answered.answer()).isEqualTo("Piet is op vakantie; team Noord gaat erover.");
        assertThat(answered.answeredBy()).isEqualTo(colleague);
    }

    @Test
    void theSubjectTagFindsTheConsultWhenTheReplyLostItsReferences() {
        Asked asked = ask("Kan de monteur " + unique("dinsdag") + " komen?");
        String subject = TestExpert.subject(asked.mail());

        sendReply(asked.expert(), subject.replaceAll("-[A-Za-z0-9_-]{16}]", "-AAAAAAAAAAAAAAAA]"), null, "Vervalst");
        webcareReadTheMailbox();
        assertThat(consults.find(asked.consultId()).orElseThrow().status()).as("a tag with a wrong check names nothing")
                .isEqualTo(ConsultStatus.OPEN);

        sendReply(asked.expert(), "Antwoord " + subject.substring(subject.indexOf("[consult:")), null, "Ja, dinsdagochtend.");
        assertThat(answered(asked.consultId()).answer()).isEqualTo("Ja, dinsdagochtend.");
    }

    @Test
    void anOutOfOfficeReplyAndASecondReplyAreNoAnswer() {
        Asked asked = ask("Is de levering " + unique("week") + " haalbaar?");
        String inReplyTo = "In-Reply-To: " + TestExpert.messageId(asked.mail());

        sendReply(asked.expert(), "Afwezig: " + TestExpert.subject(asked.mail()), inReplyTo + "\nAuto-Submitted: auto-replied",
                "Ik ben tot maandag afwezig.");
        webcareReadTheMailbox();
        assertThat(consults.find(asked.consultId()).orElseThrow().status()).isEqualTo(ConsultStatus.OPEN);

        sendReply(asked.expert(), "Re: vraag", inReplyTo, "Ja, volgende week.");
        assertThat(answered(asked.consultId()).answer()).isEqualTo("Ja, volgende week.");
        sendReply(asked.expert(), "Re: vraag", inReplyTo, "Correctie: over twee weken.");
        webcareReadTheMailbox();
        assertThat(consults.find(asked.consultId()).orElseThrow().answer()).isEqualTo("Ja, volgende week.");
        assertThat(notes.of(asked.caseId())).hasSize(1);
    }

    private record Asked(long caseId, long consultId, String expert, MimeMessage mail) {
    }

    private Asked ask(String question) {
        WebcareUser agent = anAgent(PASSWORD);
        var channel = anApiChannel("http://127.0.0.1:9/callback");
        long postId = intake.accept(new InboundPost(channel.channel().id(), unique("dm"), "@klant", "Kees Klant",
                "Ik heb een vraag over mijn contract", Visibility.PRIVATE, Instant.now(), null)).postId();
        long caseId = cases.caseOf(postId).orElseThrow().id();
        String expert = unique("expert") + "@example.org";
        Consult consult = consults.ask(caseId, expert, question, Instant.now().plus(Duration.ofHours(4)),
                java.util.Locale.forLanguageTag("nl"), Actor.user(agent.id(), agent.displayName()));
        return new Asked(caseId, consult.id(), expert, TestExpert.mailTo(expert, question));
    }

    private static void sendReply(String from, String subject, String headers, String body) {
        TestMailServer.send("Message-ID: <" + UUID.randomUUID() + "@example.org>\n"
                + "Date: Tue, 24 Nov 2026 14:30:00 +0100\n"
                + "From: " + from + "\n"
                + "To: " + TestMailServer.CONSULTS + "\n"
                + "Subject: " + subject + "\n"
                + (headers == null ? "" : headers + "\n")
                + "Content-Type: text/plain; charset=UTF-8\n\n"
                + body);
    }

    private Consult answered(long consultId) {
        Eventually.within(Duration.ofSeconds(10), "consult " + consultId + " is answered",
                () -> consults.find(consultId).orElseThrow().status() == ConsultStatus.ANSWERED);
        return consults.find(consultId).orElseThrow();
    }

    /** Waits until Webcare read every mail in the consult mailbox (UIDs count up from 1; nothing is deleted). */
    private void webcareReadTheMailbox() {
        long size = TestMailServer.consultMailboxSize();
        Eventually.within(Duration.ofSeconds(10), "Webcare read the consult mailbox up to mail " + size,
                () -> jdbc.sql("select coalesce(max(last_uid), 0) from consult_mailbox").query(Long.class).single() >= size);
    }
}
