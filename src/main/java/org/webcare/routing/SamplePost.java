package org.webcare.routing;

import java.util.List;

/**
 * A post to try the routing rules with; nothing is stored.
 *
 * @param channelId the brand's channel it arrives on (required)
 * @param language ISO 639-1 code to read it as, or {@code null} to detect it
 * @param followers the author's followers, or {@code null}
 * @param authorHandle the author, for the customer's tags; {@code null}: an unknown customer
 * @param privateMessage whether it is a direct message
 * @param toBrand whether it replies to the brand (otherwise it addresses the brand only by mentioning it)
 * @param customerTags the customer's tags to assume; {@code null}: the stored tags of {@code authorHandle}
 */
public record SamplePost(String text, Long channelId, String language, Long followers, String authorHandle,
                         Boolean privateMessage, Boolean toBrand, List<String> customerTags) {
}
