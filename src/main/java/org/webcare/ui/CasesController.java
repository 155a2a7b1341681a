package org.webcare.ui;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.webcare.cases.Actor;
import org.webcare.cases.Case;
import org.webcare.cases.CaseFilter;
import org.webcare.cases.CaseReplies;
import org.webcare.cases.CaseStatus;
import org.webcare.cases.CaseView;
import org.webcare.cases.Cases;
import org.webcare.cases.ReplyAdvice;
import org.webcare.cases.ReplyStyles;
import org.webcare.cases.ReplyTemplates;
import org.webcare.channel.Channel;
import org.webcare.channel.Channels;
import org.webcare.channel.ConnectorChannels;
import org.webcare.channel.ReplyRules;
import org.webcare.identity.WebcareUser;
import org.webcare.shared.ConflictException;
import org.webcare.shared.Visibility;

/**
 * Where agents work: the list of cases (most urgent first) and a case with its conversation, history, actions and the
 * composer. Other capabilities add their panels to the case page (see {@code cases/case.html}).
 */
@Controller
class CasesController {

    private static final int PAGE = 100;
    private static final int TEMPLATES = 8;

    private final Cases cases;
    private final CaseReplies caseReplies;
    private final ReplyAdvice advice;
    private final ReplyStyles styles;
    private final ReplyTemplates templates;
    private final Channels channels;
    private final ConnectorChannels connectorChannels;
    private final org.webcare.sla.SlaReports slaReports;

    CasesController(Cases cases, CaseReplies caseReplies, ReplyAdvice advice, ReplyStyles styles, ReplyTemplates templates,
                    Channels channels, ConnectorChannels connectorChannels, org.webcare.sla.SlaReports slaReports) {
        this.slaReports = slaReports;
        this.cases = cases;
        this.caseReplies = caseReplies;
        this.advice = advice;
        this.styles = styles;
        this.templates = templates;
        this.channels = channels;
        this.connectorChannels = connectorChannels;
    }

    @GetMapping("/cases")
    String list(ListFilter filter, @AuthenticationPrincipal WebcareUser me, Model model) {
        addList(model, filter, me);
        return "cases/cases";
    }

    @GetMapping("/cases/list")
    String items(ListFilter filter, @AuthenticationPrincipal WebcareUser me, Model model) {
        addList(model, filter, me);
        return "cases/list :: list";
    }

    @GetMapping("/cases/{id}")
    String show(@PathVariable long id, ListFilter filter, @RequestHeader(value = "HX-Request", required = false) String htmx,
                @AuthenticationPrincipal WebcareUser me, Model model) {
        addCase(model, view(id), me);
        if (htmx != null) {
            return "cases/case :: case";
        }
        addList(model, filter, me);
        return "cases/cases";
    }

    @GetMapping("/cases/{id}/timeline")
    String timeline(@PathVariable long id, Model model) {
        model.addAttribute("view", view(id));
        return "cases/case :: timeline";
    }

    @PostMapping("/cases/{id}/replies")
    String reply(@PathVariable long id, @RequestParam String text, @RequestParam(defaultValue = "public") String visibility,
                 @RequestParam(required = false) Long postId, @RequestParam(defaultValue = "false") boolean sign,
                 @RequestParam(required = false) String statusAfter, @RequestParam(required = false) Instant openedAt,
                 @RequestParam(defaultValue = "false") boolean confirm, @AuthenticationPrincipal WebcareUser me,
                 Model model, HttpServletResponse response) {
        String signature = "^" + me.initials();
        // A template may already end with the agent's initials: sign once.
        String body = sign && !text.isBlank() && !text.strip().endsWith(signature) ? text.strip() + " " + signature : text;
        try {
            caseReplies.send(id, new CaseReplies.Request(postId, body, Visibility.parse(visibility).orElse(Visibility.PUBLIC),
                    statusAfter == null || statusAfter.isBlank() ? null : CaseStatus.parse(statusAfter), openedAt, confirm), actor(me));
        } catch (IllegalArgumentException | ConflictException e) {
            response.setStatus(422);
            response.setHeader("HX-Retarget", "#composer-error");
            response.setHeader("HX-Reswap", "innerHTML");
            // "text: why" is for API clients; the agent sees the reason next to the field it is about.
            model.addAttribute("error", e.getMessage().replaceFirst("^[a-zA-Z]+: ", ""));
            model.addAttribute("needsConfirmation", e instanceof ConflictException);
            return "cases/case :: composerError";
        }
        response.setHeader("HX-Trigger", "reply-sent");
        addCase(model, view(id), me);
        return "cases/case :: case";
    }

    /** The draft's findings under the composer, with the brand's tone; personal data only when the reply is public. */
    @PostMapping("/cases/{id}/replies/check")
    String check(@PathVariable long id, @RequestParam(defaultValue = "") String text,
                 @RequestParam(defaultValue = "public") String visibility, Model model) {
        Case found = cases.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var style = styles.of(found.brandId());
        boolean isPublic = Visibility.parse(visibility).orElse(Visibility.PUBLIC) == Visibility.PUBLIC;
        model.addAttribute("findings", style.check().check(text, style.tone(), isPublic));
        return "inbox/thread :: replyFindings";
    }

    @GetMapping("/cases/{id}/templates")
    String templates(@PathVariable long id, @RequestParam(required = false) String q, Model model) {
        CaseView view = view(id);
        model.addAttribute("templates", templates.search(view.details().brandId(), q).stream().limit(TEMPLATES).toList());
        model.addAttribute("postId", view.latestPost().id());
        model.addAttribute("query", q == null ? "" : q.strip());
        return "inbox/thread :: templateResults";
    }

    @PostMapping("/cases/{id}/status")
    String status(@PathVariable long id, @RequestParam String status, @RequestParam(required = false) String reason,
                  @AuthenticationPrincipal WebcareUser me, Model model, HttpServletResponse response) {
        return act(id, me, model, response, () -> cases.changeStatus(id, CaseStatus.parse(status), actor(me), reason));
    }

    @PostMapping("/cases/{id}/priority")
    String priority(@PathVariable long id, @RequestParam(required = false) Integer priority,
                    @RequestParam(required = false) String reason, @AuthenticationPrincipal WebcareUser me, Model model,
                    HttpServletResponse response) {
        return act(id, me, model, response, () -> {
            if (priority == null) {
                cases.computePriority(id, actor(me));
            } else {
                cases.overridePriority(id, priority, actor(me), reason);
            }
        });
    }

    @PostMapping("/cases/{id}/claim")
    String claim(@PathVariable long id, @AuthenticationPrincipal WebcareUser me, Model model, HttpServletResponse response) {
        return act(id, me, model, response, () -> cases.assign(id, me.id(), actor(me), null));
    }

    @PostMapping("/cases/{id}/merge")
    String merge(@PathVariable long id, @RequestParam(required = false) Long into, @RequestParam(required = false) String reason,
                 @AuthenticationPrincipal WebcareUser me, Model model, HttpServletResponse response) {
        try {
            if (into == null) {
                throw new IllegalArgumentException("into: name the case to merge into");
            }
            Case target = cases.merge(id, into, actor(me), reason);
            response.setHeader("HX-Redirect", "/cases/" + target.id());
            return "cases/case :: empty";
        } catch (IllegalArgumentException | ConflictException e) {
            return actionError(model, response, e);
        }
    }

    @PostMapping("/cases/{id}/split")
    String split(@PathVariable long id, @RequestParam(required = false) List<Long> postIds,
                 @RequestParam(required = false) String reason, @AuthenticationPrincipal WebcareUser me, Model model,
                 HttpServletResponse response) {
        try {
            Case created = cases.split(id, postIds, actor(me), reason);
            response.setHeader("HX-Redirect", "/cases/" + created.id());
            return "cases/case :: empty";
        } catch (IllegalArgumentException | ConflictException e) {
            return actionError(model, response, e);
        }
    }

    /** Makes a case of an overheard post from the inbox, and opens it. */
    @PostMapping("/inbox/posts/{postId}/case")
    String open(@PathVariable long postId, @AuthenticationPrincipal WebcareUser me, HttpServletResponse response) {
        Case opened = cases.open(postId, actor(me));
        response.setHeader("HX-Redirect", "/cases/" + opened.id());
        return "redirect:/cases/" + opened.id();
    }

    private String act(long id, WebcareUser me, Model model, HttpServletResponse response, Runnable action) {
        try {
            action.run();
        } catch (IllegalArgumentException | ConflictException e) {
            return actionError(model, response, e);
        }
        addCase(model, view(id), me);
        return "cases/case :: case";
    }

    private static String actionError(Model model, HttpServletResponse response, RuntimeException e) {
        response.setStatus(422);
        response.setHeader("HX-Retarget", "#case-error");
        response.setHeader("HX-Reswap", "innerHTML");
        model.addAttribute("error", e.getMessage().replaceFirst("^[a-zA-Z]+: ", ""));
        return "cases/case :: actionError";
    }

    private CaseView view(long id) {
        return cases.view(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private void addCase(Model model, CaseView view, WebcareUser me) {
        Channel channel = channels.channel(view.details().channelId()).orElseThrow();
        ReplyRules rules = connectorChannels.replyRules(channel.id()).orElse(ReplyRules.none(channel.allowsPrivate()));
        model.addAttribute("view", view);
        model.addAttribute("channel", channel);
        model.addAttribute("rules", rules);
        model.addAttribute("advice", advice.goPrivate(view));
        model.addAttribute("style", styles.of(view.details().brandId()));
        model.addAttribute("openedAt", Instant.now());
        model.addAttribute("nextStatuses", view.details().status().next());
        model.addAttribute("caseStatuses", CaseStatus.values());
    }

    private void addList(Model model, ListFilter filter, WebcareUser me) {
        List<Case> items;
        if (filter.byTimeLeft()) {
            // The SLA clocks decide the order: soonest due first, paused clocks after running ones, cases without a
            // running clock last. A wider slice is sorted so that a case with a near deadline is not cut off by priority.
            java.util.Map<Long, Integer> rank = new java.util.HashMap<>();
            List<org.webcare.sla.SlaClock> due = slaReports.byTimeLeft(1_000);
            for (int i = 0; i < due.size(); i++) {
                rank.putIfAbsent(due.get(i).caseId(), i);
            }
            items = cases.list(filter.toCaseFilter(me, 500)).stream()
                    .sorted(java.util.Comparator.comparing((Case c) -> rank.getOrDefault(c.id(), Integer.MAX_VALUE)))
                    .limit(PAGE).toList();
        } else {
            items = cases.list(filter.toCaseFilter(me, PAGE));
        }
        model.addAttribute("items", items);
        model.addAttribute("filter", filter);
        model.addAttribute("brands", channels.brands());
    }

    private static Actor actor(WebcareUser me) {
        return Actor.user(me.id(), me.displayName());
    }

    /**
     * The list's filters as they travel in the URL.
     *
     * @param show {@code mine} (default), {@code unassigned}, {@code active}, {@code pending}, {@code resolved} or
     *             {@code closed}
     * @param sort {@code priority} (default: most urgent, then longest waiting) or {@code time-left}
     */
    record ListFilter(String show, Long brand, String sort) {

        /** Sorted by the SLA's time left ({@code sort=time-left}) instead of priority. */
        public boolean byTimeLeft() {
            return "time-left".equals(sort);
        }

        public String shown() {
            return show == null || show.isBlank() ? "mine" : show;
        }

        CaseFilter toCaseFilter(WebcareUser me, int limit) {
            Set<CaseStatus> active = EnumSet.of(CaseStatus.NEW, CaseStatus.OPEN, CaseStatus.PENDING_CUSTOMER, CaseStatus.PENDING_INTERNAL);
            return switch (shown()) {
                case "unassigned" -> new CaseFilter(active, brand, null, true, null, null, limit);
                case "active" -> new CaseFilter(active, brand, null, false, null, null, limit);
                case "pending" -> new CaseFilter(EnumSet.of(CaseStatus.PENDING_CUSTOMER, CaseStatus.PENDING_INTERNAL), brand, null, false, null, null, limit);
                case "resolved" -> new CaseFilter(EnumSet.of(CaseStatus.RESOLVED), brand, null, false, null, null, limit);
                case "closed" -> new CaseFilter(EnumSet.of(CaseStatus.CLOSED), brand, null, false, null, null, limit);
                default -> new CaseFilter(active, brand, me.id(), false, null, null, limit);
            };
        }
    }
}
