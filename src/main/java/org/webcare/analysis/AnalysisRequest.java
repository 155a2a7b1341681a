package org.webcare.analysis;

import java.util.List;

/**
 * A post to analyse, with what is known about its context.
 *
 * @param language the language if already known (ISO 639-1), or {@code null} to detect it
 * @param followers the author's followers, or {@code null} when unknown
 * @param brandHandles the handles of the brand the post may address, e.g. {@code @Polderstroom}
 * @param privateMessage whether it arrived as a direct message
 * @param repliesToBrand whether it replies to a post of the brand
 * @param engagement likes, shares and replies so far
 * @param ageMinutes how long ago it was posted (for how fast its engagement grows)
 */
public record AnalysisRequest(String text, String language, Long followers, List<String> brandHandles,
                              boolean privateMessage, boolean repliesToBrand, long engagement, long ageMinutes) {

    public AnalysisRequest {
        text = text == null ? "" : text;
        brandHandles = brandHandles == null ? List.of() : List.copyOf(brandHandles);
    }

    public static AnalysisRequest of(String text) {
        return new AnalysisRequest(text, null, null, List.of(), false, false, 0, 0);
    }
}
