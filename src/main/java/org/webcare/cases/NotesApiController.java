package org.webcare.cases;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.webcare.identity.WebcareUser;

/** REST API of internal notes and of each colleague's own mentions. */
@RestController
@Tag(name = "Notes and mentions")
class NotesApiController {

    private final Notes notes;
    private final Mentions mentions;

    NotesApiController(Notes notes, Mentions mentions) {
        this.notes = notes;
        this.mentions = mentions;
    }

    @GetMapping("/api/v1/cases/{id}/notes")
    @Operation(summary = "A case's internal notes, oldest first (consultId is set on an expert's answer)")
    List<CaseNote> list(@PathVariable long id) {
        return notes.of(id);
    }

    @PostMapping("/api/v1/cases/{id}/notes")
    @Operation(summary = "Add an internal note (never sent to the customer); @name mentions a colleague",
            description = "@ followed by a colleague's e-mail local part (@anne.devries) or unique first name (@Anne), "
                    + "case-insensitive; unknown names stay text")
    ResponseEntity<CaseNote> add(@PathVariable long id, @RequestBody NoteRequest request, @AuthenticationPrincipal WebcareUser me) {
        CaseNote note = notes.add(id, request.text(), Actor.user(me.id(), me.displayName()));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/notes")).body(note);
    }

    @GetMapping("/api/v1/mentions")
    @Operation(summary = "Your mentions: unread first (readAt null), then newest first")
    List<Mention> mine(@AuthenticationPrincipal WebcareUser me) {
        return mentions.of(me.id());
    }

    @PostMapping("/api/v1/mentions/{id}/read")
    @Operation(summary = "Mark one of your mentions read")
    Mention read(@PathVariable long id, @AuthenticationPrincipal WebcareUser me) {
        return mentions.markRead(id, me.id());
    }

    record NoteRequest(String text) {
    }
}
