package org.webcare.cases;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.AnalysisCorrections;
import org.webcare.intake.Post;
import org.webcare.shared.Intent;
import org.webcare.shared.SentimentLabel;
import org.webcare.intake.Posts;
import org.webcare.shared.Visibility;

/** REST API of the inbox: posts, threads and replies. */
@RestController
@Tag(name = "Posts and replies")
class CasesApiController {

    private final Inbox inbox;
    private final Posts posts;
    private final Replies replies;
    private final AnalysisCorrections corrections;

    CasesApiController(Inbox inbox, Posts posts, Replies replies, AnalysisCorrections corrections) {
        this.inbox = inbox;
        this.posts = posts;
        this.replies = replies;
        this.corrections = corrections;
    }

    @GetMapping("/api/v1/posts")
    List<InboxItem> latest(@RequestParam(required = false) Long brand, @RequestParam(required = false) Long channel,
                           @RequestParam(required = false) String sentiment, @RequestParam(required = false) String intent,
                           @RequestParam(required = false) Long query, @RequestParam(required = false) Long before,
                           @RequestParam(defaultValue = "50") int limit) {
        return inbox.latest(new InboxFilter(brand, channel, sentiment == null ? null : label(sentiment),
                intent == null ? null : intent(intent), query, before, limit));
    }

    /** An agent's correction of the analysis; either field may be left out. */
    @PutMapping("/api/v1/posts/{id}/analysis")
    ResponseEntity<Post> correct(@PathVariable long id, @RequestBody CorrectionRequest request,
                                 @AuthenticationPrincipal WebcareUser user) {
        if (posts.find(id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Set<Intent> intents = request.intents() == null ? null
                : request.intents().stream().map(CasesApiController::intent).collect(Collectors.toCollection(() -> EnumSet.noneOf(Intent.class)));
        return ResponseEntity.ok(corrections.correct(id, request.sentiment() == null ? null : label(request.sentiment()), intents, user.id()));
    }

    private static SentimentLabel label(String value) {
        try {
            return SentimentLabel.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sentiment: must be negative, neutral or positive, got '" + value + "'");
        }
    }

    private static Intent intent(String value) {
        try {
            return Intent.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("intent: must be one of question, complaint, compliment, lead, urgent, cancel, spam; got '" + value + "'");
        }
    }

    @GetMapping("/api/v1/posts/{id}")
    ResponseEntity<Post> post(@PathVariable long id) {
        return ResponseEntity.of(posts.find(id));
    }

    @GetMapping("/api/v1/threads/{id}")
    ResponseEntity<ThreadView> thread(@PathVariable long id) {
        return ResponseEntity.of(inbox.thread(id));
    }

    @PostMapping("/api/v1/posts/{id}/replies")
    ResponseEntity<Reply> reply(@PathVariable long id, @RequestBody ReplyRequest request,
                                @AuthenticationPrincipal WebcareUser user) {
        if (posts.find(id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Visibility visibility = request.visibility() == null ? Visibility.PUBLIC : Visibility.parse(request.visibility())
                .orElseThrow(() -> new IllegalArgumentException("visibility: must be 'public' or 'private', got '" + request.visibility() + "'"));
        Reply reply = replies.send(id, request.text(), visibility, user.id(), user.displayName());
        if (reply.awaitsApproval()) {
            return ResponseEntity.accepted().location(URI.create("/api/v1/replies/" + reply.id())).body(reply);
        }
        return ResponseEntity.created(URI.create("/api/v1/replies/" + reply.id())).body(reply);
    }

    @GetMapping("/api/v1/replies/{id}")
    ResponseEntity<Reply> reply(@PathVariable long id) {
        return ResponseEntity.of(replies.find(id));
    }

    @PostMapping("/api/v1/replies/{id}/retry")
    ResponseEntity<Reply> retry(@PathVariable long id) {
        if (replies.find(id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        if (!replies.retryDelivery(id)) {
            throw new IllegalArgumentException("state: only a reply whose delivery failed can be sent again");
        }
        return ResponseEntity.accepted().body(replies.find(id).orElseThrow());
    }

    record ReplyRequest(String text, String visibility) {
    }

    record CorrectionRequest(String sentiment, List<String> intents) {
    }
}
