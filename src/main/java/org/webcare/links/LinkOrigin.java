package org.webcare.links;

import java.util.List;

/**
 * Where the links of a reply come from: the brand and channel it goes out through, and the brand's templates whose
 * text may hold the same link (a link found in a template's text is counted for that template).
 */
public record LinkOrigin(long brandId, long channelId, List<SourceTemplate> templates) {

    public LinkOrigin {
        templates = templates == null ? List.of() : List.copyOf(templates);
    }

    /** A template of the brand, by id, name and text. */
    public record SourceTemplate(long id, String name, String text) {
    }
}
