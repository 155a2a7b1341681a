package org.webcare.cases;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.webcare.channel.Channels;
import org.webcare.identity.WebcareUser;

/**
 * REST API of reply templates: list and search a brand's templates and render one for a post (any user); add and
 * remove them (admins, as on the admin page).
 */
@RestController
@Tag(name = "Reply templates")
class TemplatesApiController {

    private final ReplyTemplates templates;
    private final Channels channels;

    TemplatesApiController(ReplyTemplates templates, Channels channels) {
        this.templates = templates;
        this.channels = channels;
    }

    @GetMapping("/api/v1/brands/{id}/templates")
    ResponseEntity<List<ReplyTemplate>> list(@PathVariable long id, @RequestParam(required = false) String q) {
        if (channels.brand(id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(templates.search(id, q));
    }

    @PostMapping("/api/v1/brands/{id}/templates")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<ReplyTemplate> create(@PathVariable long id, @RequestBody TemplateRequest request) {
        if (channels.brand(id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        ReplyTemplate created = templates.create(id, request.name(), request.text(), request.language());
        return ResponseEntity.created(URI.create("/api/v1/templates/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/templates/{id}")
    ResponseEntity<ReplyTemplate> template(@PathVariable long id) {
        return ResponseEntity.of(templates.find(id));
    }

    @DeleteMapping("/api/v1/templates/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> remove(@PathVariable long id) {
        return templates.remove(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    /** The template filled in for a reply to the post by the calling user. */
    @GetMapping("/api/v1/templates/{id}/render")
    ResponseEntity<Map<String, String>> render(@PathVariable long id, @RequestParam long post,
                                               @AuthenticationPrincipal WebcareUser user) {
        if (templates.find(id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(Map.of("text", templates.renderFor(id, post, user.displayName(), user.initials())));
    }

    record TemplateRequest(String name, String text, String language) {
    }
}
