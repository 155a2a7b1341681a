package org.webcare.links;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where customers land when they click a link in a reply: counted, then sent on. Public, since customers have no
 * account; the code is random and only leads where an agent's reply already pointed.
 */
@RestController
class ShortLinkController {

    private final TrackedLinks links;

    ShortLinkController(TrackedLinks links) {
        this.links = links;
    }

    @GetMapping("/l/{code}")
    ResponseEntity<String> follow(@PathVariable String code, HttpServletRequest request) {
        // HEAD is what link checkers send; it gets the same answer without counting.
        boolean head = "HEAD".equals(request.getMethod());
        var target = head ? links.target(code) : links.follow(code, LinkPreviews.isPreview(request.getHeader(HttpHeaders.USER_AGENT)));
        if (target.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body("This link does not exist. / Deze link bestaat niet.");
        }
        // 302 and no caching: a cached redirect would be followed without Webcare hearing of the click.
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, target.get())
                .cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer").build();
    }
}
