package org.webcare.channel;

import java.time.Duration;

/**
 * What a channel's platform allows a reply, known without asking the platform: whether it may be public or private,
 * how long after the customer's last message a reply may still be sent ({@code null}: no limit), and how many
 * characters (code points) one reply may have ({@code 0}: no limit).
 */
public record ReplyRules(boolean publicAllowed, boolean privateAllowed, Duration replyWindow, int maxLength) {

    /** The channel's platform sets no rules Webcare knows of (API channels: the integrator's own). */
    public static ReplyRules none(boolean privateAllowed) {
        return new ReplyRules(true, privateAllowed, null, 0);
    }
}
