package org.webcare.cases;

import java.time.Instant;

/**
 * A saved reply of one brand. Its text may hold variables such as {@code {{customer.name}}}; see
 * {@link ReplyTemplates#VARIABLES}.
 *
 * @param language an ISO 639-1 code such as {@code nl}, or {@code null} when the template is for any language
 */
public record ReplyTemplate(long id, long brandId, String name, String text, String language, Instant createdAt) {
}
