package org.webcare.analysis;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Addressed (reactive) or overheard (proactive): a post addresses the brand when it mentions one of the brand's
 * handles, replies to the brand, or arrives privately.
 */
final class Addressing {

    private Addressing() {
    }

    static boolean addressed(AnalysisRequest request) {
        if (request.privateMessage() || request.repliesToBrand()) {
            return true;
        }
        String text = request.text().toLowerCase(Locale.ROOT);
        List<String> handles = request.brandHandles();
        for (String handle : handles) {
            String bare = handle.strip().toLowerCase(Locale.ROOT).replaceFirst("^@", "");
            if (!bare.isEmpty() && Pattern.compile("@" + Pattern.quote(bare) + "(?![\\p{L}\\p{N}_])").matcher(text).find()) {
                return true;
            }
        }
        return false;
    }
}
