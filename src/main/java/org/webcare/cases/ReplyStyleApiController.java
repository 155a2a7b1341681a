package org.webcare.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A brand's tone of voice and order-number pattern, which the reply checks use. */
@RestController
@Tag(name = "Reply templates and style")
class ReplyStyleApiController {

    private final ReplyStyles styles;

    ReplyStyleApiController(ReplyStyles styles) {
        this.styles = styles;
    }

    @GetMapping("/api/v1/brands/{id}/reply-style")
    StyleResponse get(@PathVariable long id) {
        return StyleResponse.of(styles.of(id));
    }

    @PutMapping("/api/v1/brands/{id}/reply-style")
    @PreAuthorize("hasRole('LEAD')")
    @Operation(summary = "Set a brand's tone (formal or personal) and order-number pattern (a regular expression, empty: none); team leads")
    StyleResponse set(@PathVariable long id, @RequestBody StyleRequest request) {
        return StyleResponse.of(styles.set(id, request.tone(), request.orderNumberPattern()));
    }

    record StyleRequest(String tone, String orderNumberPattern) {
    }

    /** @param own whether the brand set its own style (otherwise the global settings apply) */
    record StyleResponse(String tone, String orderNumberPattern, boolean own) {

        static StyleResponse of(ReplyStyles.ReplyStyle style) {
            return new StyleResponse(style.tone().name().toLowerCase(java.util.Locale.ROOT), style.orderNumberPattern(), style.own());
        }
    }
}
