package org.webcare.channel;

import java.time.Duration;

/**
 * What a channel's platform allows a reply, known without asking the platform: whether it may be public or private,
 * and how long after the customer's last message a reply may still be sent ({@code null}: no limit).
 */
public record ReplyRules(boolean publicAllowed, boolean privateAllowed, Duration replyWindow) {
}
