package org.webcare.cases;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.Post;
import org.webcare.intake.Posts;
import org.webcare.shared.Visibility;

/** REST API of the inbox: posts, threads and replies. */
@RestController
@Tag(name = "Posts and replies")
class CasesApiController {

    private final Inbox inbox;
    private final Posts posts;
    private final Replies replies;

    CasesApiController(Inbox inbox, Posts posts, Replies replies) {
        this.inbox = inbox;
        this.posts = posts;
        this.replies = replies;
    }

    @GetMapping("/api/v1/posts")
    List<InboxItem> latest(@RequestParam(required = false) Long brand, @RequestParam(required = false) Long channel,
                           @RequestParam(required = false) Long before, @RequestParam(defaultValue = "50") int limit) {
        return inbox.latest(new InboxFilter(brand, channel, before, limit));
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

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        int colon = e.getMessage().indexOf(':');
        if (colon > 0) {
            problem.setProperty("field", e.getMessage().substring(0, colon));
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    record ReplyRequest(String text, String visibility) {
    }
}
