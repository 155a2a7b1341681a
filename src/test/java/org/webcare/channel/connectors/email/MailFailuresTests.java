package org.webcare.channel.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.junit.jupiter.api.Test;
import org.webcare.channel.ConnectorException;

class MailFailuresTests {

    @Test
    void anUnknownRecipientIsPermanent() {
        MessagingException refused = new SendFailedException("Invalid Addresses",
                new MessagingException("550 5.1.1 <nobody@example.nl>: Recipient address rejected: User unknown"));

        assertThat(MailFailures.classify("sending", refused)).isInstanceOf(ConnectorException.Permanent.class)
                .hasMessageContaining("550 5.1.1");
    }

    @Test
    void aGreylistedRecipientIsTransient() {
        MessagingException later = new SendFailedException("Invalid Addresses",
                new MessagingException("451 4.7.1 Greylisted, please try again later"));

        assertThat(MailFailures.classify("sending", later)).isInstanceOf(ConnectorException.Transient.class);
    }

    @Test
    void aRefusedLoginIsPermanentAndAnUnreachableServerTransient() {
        assertThat(MailFailures.classify("reading", new AuthenticationFailedException("535 Authentication failed")))
                .isInstanceOf(ConnectorException.Permanent.class).hasMessageContaining("username or password");
        assertThat(MailFailures.classify("reading", new MessagingException(
                "Couldn't connect to host, port: imap.example.org, 993", new java.net.ConnectException("Connection refused"))))
                .isInstanceOf(ConnectorException.Transient.class);
    }
}
