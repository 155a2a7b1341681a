package org.webcare.channel.connectors.email;

import java.nio.file.Path;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.webcare.channel.ChannelConnector;
import org.webcare.channel.ChannelType;
import org.webcare.channel.ConnectorException;
import org.webcare.channel.ConnectorSetting;
import org.webcare.channel.ConnectorSettings;
import org.webcare.channel.OutboundGuard;
import org.webcare.channel.PostSource;
import org.webcare.channel.ReplyTarget;

/**
 * The {@code email} connector: a support mailbox read over IMAP (polled, read-only) and answered over SMTP (private
 * replies only). Attachments are kept as files under {@code webcare.email.attachment-dir}, by default the
 * {@code attachments} directory of Webcare's data directory. See docs/connectors/email.md.
 */
@Component
class EmailConnector implements ChannelConnector {

    private final OutboundGuard guard;
    private final Path attachmentDir;

    EmailConnector(OutboundGuard guard,
                   @Value("${webcare.email.attachment-dir:${webcare.db.data-dir:./data}/attachments}") Path attachmentDir) {
        this.guard = guard;
        this.attachmentDir = attachmentDir;
    }



    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public List<ConnectorSetting> settings() {
        return MailSettings.SPECS;
    }

    @Override
    public Connection open(ConnectorSettings values) {
        MailSettings settings = MailSettings.of(values);
        MailReader reader = new MailReader(settings, new AttachmentStore(attachmentDir));
        PostSource source = new ImapSource(settings, guard, reader);
        ReplyTarget replies = new SmtpReplies(settings, guard);
        return Connection.of(source, null, replies);
    }
}
