package org.webcare.channel;

import java.util.List;

/**
 * An organisation or label that is looked after; it owns channels.
 *
 * @param handles the names it goes by on the platforms, e.g. {@code @Polderstroom}: posts mentioning them address it
 */
public record Brand(long id, String name, List<String> handles) {

    public Brand {
        handles = handles == null ? List.of() : List.copyOf(handles);
    }
}
