package org.webcare.ui;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.server.ResponseStatusException;
import org.webcare.cases.Cases;
import org.webcare.cases.Inbox;
import org.webcare.cases.InboxFilter;
import org.webcare.cases.Replies;
import org.webcare.cases.ReplyStyles;
import org.webcare.cases.ReplyTemplates;
import org.webcare.cases.ThreadView;
import org.webcare.channel.Channels;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.AnalysisCorrections;
import org.webcare.listening.SavedQueries;
import org.webcare.shared.Intent;
import org.webcare.shared.SentimentLabel;
import org.webcare.shared.Visibility;

/** The live inbox: the newest posts on the left, the open thread with its composer on the right. */
@Controller
class InboxController {

    private static final int PAGE = 50;
    private static final int TEMPLATES = 8;

    private final Inbox inbox;
    private final Replies replies;
    private final Channels channels;
    private final LiveUpdates live;
    private final AnalysisCorrections corrections;
    private final SavedQueries savedQueries;
    private final ReplyTemplates templates;
    private final ReplyStyles styles;
    private final Cases cases;

    InboxController(Inbox inbox, Replies replies, Channels channels, LiveUpdates live, AnalysisCorrections corrections,
                    SavedQueries savedQueries, ReplyTemplates templates, ReplyStyles styles, Cases cases) {
        this.styles = styles;
        this.cases = cases;
        this.savedQueries = savedQueries;
        this.templates = templates;
        this.inbox = inbox;
        this.replies = replies;
        this.channels = channels;
        this.live = live;
        this.corrections = corrections;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/inbox";
    }

    @GetMapping("/inbox")
    String inbox(ListFilter filter, Model model) {
        addList(model, filter);
        model.addAttribute("brands", channels.brands());
        model.addAttribute("channels", channels.channels());
        return "inbox/inbox";
    }

    @GetMapping("/inbox/posts")
    String posts(ListFilter filter, Model model) {
        addList(model, filter);
        return "inbox/posts :: list";
    }

    /** The next page of the list, appended in place of the "older posts" button. */
    @GetMapping("/inbox/posts/older")
    String older(@RequestParam long before, ListFilter filter, Model model) {
        model.addAttribute("items", inbox.latest(filter.toInboxFilter(before, PAGE)));
        model.addAttribute("queryNames", savedQueries.all().stream()
                .collect(java.util.stream.Collectors.toMap(q -> q.id(), q -> q.name())));
        model.addAttribute("filter", filter);
        model.addAttribute("page", PAGE);
        return "inbox/posts :: items";
    }

    @GetMapping("/inbox/threads/{threadId}")
    String thread(@PathVariable long threadId, @RequestParam(required = false) Long post, ListFilter filter,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        ThreadView thread = inbox.thread(threadId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        addThread(model, thread, post);
        if (htmx != null) {
            return "inbox/thread :: thread";
        }
        addList(model, filter);
        model.addAttribute("brands", channels.brands());
        model.addAttribute("channels", channels.channels());
        return "inbox/inbox";
    }

    @GetMapping("/inbox/threads/{threadId}/timeline")
    String timeline(@PathVariable long threadId, Model model) {
        ThreadView thread = inbox.thread(threadId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("thread", thread);
        return "inbox/thread :: timeline";
    }

    @PostMapping("/inbox/posts/{postId}/replies")
    String reply(@PathVariable long postId, @RequestParam String text, @RequestParam(defaultValue = "public") String visibility,
                 @RequestParam(defaultValue = "false") boolean sign, @AuthenticationPrincipal WebcareUser me,
                 Model model, HttpServletResponse response) {
        ThreadView thread = inbox.threadOf(postId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String signature = "^" + me.initials();
        // A template may already end with the agent's initials: sign once.
        String body = sign && !text.isBlank() && !text.strip().endsWith(signature) ? text.strip() + " " + signature : text;
        try {
            replies.send(postId, body, Visibility.parse(visibility).orElse(Visibility.PUBLIC), me.id(), me.displayName());
        } catch (IllegalArgumentException e) {
            response.setStatus(422);
            response.setHeader("HX-Retarget", "#composer-error");
            response.setHeader("HX-Reswap", "innerHTML");
            // "text: why" is for API clients; the agent sees the reason next to the field it is about.
            model.addAttribute("error", e.getMessage().replaceFirst("^[a-zA-Z]+: ", ""));
            return "inbox/thread :: composerError";
        }
        response.setHeader("HX-Trigger", "reply-sent");
        model.addAttribute("thread", inbox.thread(thread.threadId()).orElseThrow());
        return "inbox/thread :: timeline";
    }

    /** The templates of the post's brand that match what the agent typed in the composer's template search. */
    @GetMapping("/inbox/posts/{postId}/templates")
    String templates(@PathVariable long postId, @RequestParam(required = false) String q, Model model) {
        ThreadView thread = inbox.threadOf(postId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("templates", templates.search(thread.channel().brandId(), q).stream().limit(TEMPLATES).toList());
        model.addAttribute("postId", postId);
        model.addAttribute("query", q == null ? "" : q.strip());
        return "inbox/thread :: templateResults";
    }

    /** A template filled in for the agent's reply to the post, as plain text for the composer's text area. */
    @GetMapping(path = "/inbox/posts/{postId}/templates/{templateId}/text", produces = MediaType.TEXT_PLAIN_VALUE)
    @org.springframework.web.bind.annotation.ResponseBody
    String templateText(@PathVariable long postId, @PathVariable long templateId, @AuthenticationPrincipal WebcareUser me) {
        try {
            return templates.renderFor(templateId, postId, me.displayName(), me.initials());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** The draft's findings, shown under the composer while the agent types; personal data only when the reply is public. */
    @PostMapping("/inbox/posts/{postId}/replies/check")
    String checkReply(@PathVariable long postId, @RequestParam(defaultValue = "") String text,
                      @RequestParam(defaultValue = "public") String visibility, Model model) {
        ThreadView thread = inbox.threadOf(postId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean isPublic = Visibility.parse(visibility).orElse(Visibility.PUBLIC) == Visibility.PUBLIC;
        var style = styles.of(thread.channel().brandId());
        model.addAttribute("findings", style.check().check(text, style.tone(), isPublic));
        return "inbox/thread :: replyFindings";
    }

    @PostMapping("/inbox/replies/{replyId}/retry")
    String retry(@PathVariable long replyId, Model model) {
        var reply = replies.find(replyId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        replies.retryDelivery(replyId);
        model.addAttribute("thread", inbox.threadOf(reply.postId()).orElseThrow());
        return "inbox/thread :: timeline";
    }

    @GetMapping(path = "/inbox/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events() {
        return live.connect();
    }

    private void addList(Model model, ListFilter filter) {
        model.addAttribute("items", inbox.latest(filter.toInboxFilter(null, PAGE)));
        model.addAttribute("page", PAGE);
        model.addAttribute("filter", filter);
        model.addAttribute("sentiments", SentimentLabel.values());
        model.addAttribute("intents", Intent.values());
        model.addAttribute("savedQueries", savedQueries.all());
        model.addAttribute("queryNames", savedQueries.all().stream()
                .collect(java.util.stream.Collectors.toMap(q -> q.id(), q -> q.name())));
    }

    /** An agent's correction of a post's sentiment and intents, from the thread view. */
    @PostMapping("/inbox/posts/{postId}/analysis")
    String correct(@PathVariable long postId, @RequestParam SentimentLabel sentiment,
                   @RequestParam(required = false) List<Intent> intents, @AuthenticationPrincipal WebcareUser me, Model model) {
        corrections.correct(postId, sentiment, intents == null ? EnumSet.noneOf(Intent.class) : EnumSet.copyOf(intents), me.id());
        model.addAttribute("thread", inbox.threadOf(postId).orElseThrow());
        return "inbox/thread :: timeline";
    }

    /**
     * The list's filters as they travel in the URL.
     *
     * @param sentiment {@code negative}, {@code neutral} or {@code positive}
     * @param intent an intent's name, e.g. {@code complaint}
     */
    record ListFilter(Long brand, Long channel, String sentiment, String intent, Long query) {

        InboxFilter toInboxFilter(Long before, int limit) {
            return new InboxFilter(brand, channel, parse(sentiment, SentimentLabel::parse), parse(intent, Intent::parse),
                    query, before, limit);
        }

        private static <T> T parse(String value, java.util.function.Function<String, T> parser) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    private void addThread(Model model, ThreadView thread, Long postId) {
        model.addAttribute("thread", thread);
        var target = Optional.ofNullable(postId)
                .flatMap(id -> thread.posts().stream().filter(p -> p.id() == id).findFirst())
                .orElse(thread.latestPost());
        model.addAttribute("target", target);
        model.addAttribute("threadCase", cases.caseOf(target.id()).orElse(null));
    }
}
