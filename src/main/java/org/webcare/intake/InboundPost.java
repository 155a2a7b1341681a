package org.webcare.intake;

import java.time.Instant;
import java.util.List;

import org.webcare.shared.Visibility;

/**
 * A post as a channel received it, before intake: text may still contain HTML and odd Unicode.
 *
 * @param inReplyToExternalId the platform id of the post this one answers, or {@code null}
 * @param authorFollowers the author's followers when the platform tells, or {@code null}
 * @param toBrand whether the post replies to the brand (its post or its direct message)
 * @param brandHandles the handles of the channel's brand, to tell whether the post mentions it
 * @param channelType the type id of the channel it came through ({@code api}, {@code rss}, ...), for {@code channel:}
 * @param url where the post can be read on the web, or {@code null}; its host is the post's {@code site:}
 * @param title a feed item's title or an e-mail's subject, or {@code null} (replies by e-mail answer "Re: " it)
 */
public record InboundPost(long channelId, String externalId, String authorHandle, String authorName, String text,
                          Visibility visibility, Instant createdAt, String inReplyToExternalId, Long authorFollowers,
                          boolean toBrand, List<String> brandHandles, String channelType, String url, String title) {

    public InboundPost {
        brandHandles = brandHandles == null ? List.of() : List.copyOf(brandHandles);
    }

    public InboundPost(long channelId, String externalId, String authorHandle, String authorName, String text,
                       Visibility visibility, Instant createdAt, String inReplyToExternalId, Long authorFollowers,
                       boolean toBrand, List<String> brandHandles, String channelType, String url) {
        this(channelId, externalId, authorHandle, authorName, text, visibility, createdAt, inReplyToExternalId,
                authorFollowers, toBrand, brandHandles, channelType, url, null);
    }

    public InboundPost(long channelId, String externalId, String authorHandle, String authorName, String text,
                       Visibility visibility, Instant createdAt, String inReplyToExternalId, Long authorFollowers,
                       boolean toBrand, List<String> brandHandles) {
        this(channelId, externalId, authorHandle, authorName, text, visibility, createdAt, inReplyToExternalId,
                authorFollowers, toBrand, brandHandles, null, null, null);
    }

    public InboundPost(long channelId, String externalId, String authorHandle, String authorName, String text,
                       Visibility visibility, Instant createdAt, String inReplyToExternalId) {
        this(channelId, externalId, authorHandle, authorName, text, visibility, createdAt, inReplyToExternalId, null, false, List.of());
    }
}
