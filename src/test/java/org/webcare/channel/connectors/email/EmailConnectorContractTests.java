package org.webcare.channel.connectors.email;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.webcare.channel.ChannelConnector;
import org.webcare.channel.ConnectorContract;

class EmailConnectorContractTests extends ConnectorContract {

    private final TestMailbox mailbox = new TestMailbox();

    @TempDir
    Path attachments;

    @AfterEach
    void stopServer() {
        mailbox.close();
    }

    @Override
    protected ChannelConnector connector() {
        return new EmailConnector(target -> { }, attachments);
    }

    @Override
    protected Map<String, String> workingSettings() {
        return mailbox.settings();
    }

    @Override
    protected List<String> publish(int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = "Bericht " + UUID.randomUUID();
            mailbox.aQuestion("Storing", text);
            texts.add(text);
        }
        return texts;
    }

    @Override
    protected void failTransiently() {
        mailbox.stop();
    }

    @Override
    protected void failPermanently() {
        mailbox.start("not-the-password");
    }

    @Override
    protected void recover() {
        mailbox.changePassword(TestMailbox.PASSWORD);
        publish(1);
    }

    @Override
    protected List<String> receivedReplies() throws Exception {
        List<String> texts = new ArrayList<>();
        for (MimeMessage reply : mailbox.receivedBy(TestMailbox.CUSTOMER)) {
            texts.add(reply.getContent().toString());
        }
        return texts;
    }

    @Override
    protected String aPostToAnswer() {
        return mailbox.aQuestion("Storing", "Waar blijft mijn pakket?");
    }
}
