package org.webcare.ui;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.webcare.channel.Channels;
import org.webcare.crisis.Crises;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.Post;
import org.webcare.intake.PostArchive;
import org.webcare.intake.Posts;
import org.webcare.listening.QueryException;
import org.webcare.listening.QueryParser;
import org.webcare.listening.SavedQueries;
import org.webcare.listening.SavedQuery;

/**
 * The saved listening queries: list, test as you type (parse errors with their position, the matches of the last 30
 * days with a sample explained), add, remove; and why a post matched its queries.
 */
@Controller
class ListeningController {

    static final Duration TEST_PERIOD = Duration.ofDays(30);
    private static final int SAMPLE_SIZE = 10;

    private final SavedQueries queries;
    private final PostArchive archive;
    private final Posts posts;
    private final Channels channels;
    private final Crises crises;

    ListeningController(SavedQueries queries, PostArchive archive, Posts posts, Channels channels, Crises crises) {
        this.queries = queries;
        this.archive = archive;
        this.posts = posts;
        this.channels = channels;
        this.crises = crises;
    }

    @GetMapping("/listening")
    String listening(Model model) {
        model.addAttribute("queries", queries.all());
        model.addAttribute("brands", channels.brands());
        model.addAttribute("crises", crises.active());
        return "listening/queries";
    }

    /** The live test under the query field: answered on every pause in typing, so it must stay quick. */
    @GetMapping("/listening/test")
    String test(@RequestParam(defaultValue = "") String query, Model model) {
        if (query.isBlank()) {
            return "listening/test :: empty";
        }
        if (query.length() > SavedQueries.MAX_QUERY_LENGTH) {
            model.addAttribute("error", "query: is longer than " + SavedQueries.MAX_QUERY_LENGTH + " characters");
            return "listening/test :: error";
        }
        try {
            model.addAttribute("trial", archive.trial(QueryParser.parse(query), TEST_PERIOD, SAMPLE_SIZE));
            model.addAttribute("days", TEST_PERIOD.toDays());
            return "listening/test :: result";
        } catch (QueryException e) {
            model.addAttribute("error", e.getMessage());
            if (e.position() >= 0) {
                int at = Math.min(e.position(), query.length());
                model.addAttribute("before", query.substring(0, at));
                model.addAttribute("at", at < query.length() ? query.substring(at, at + 1) : " ");
                model.addAttribute("after", at < query.length() ? query.substring(at + 1) : "");
                model.addAttribute("column", at + 1);
            }
            return "listening/test :: error";
        }
    }

    /** Why a post matched its saved queries: the terms highlighted in its text, the field conditions it met. */
    @GetMapping("/listening/why/{postId}")
    String why(@PathVariable long postId, Model model) {
        Post post = posts.find(postId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("explanations", archive.whyMatched(post));
        model.addAttribute("queryNames", queries.all().stream()
                .collect(java.util.stream.Collectors.toMap(SavedQuery::id, SavedQuery::name)));
        return "listening/why :: why";
    }

    @PostMapping("/listening/queries")
    String save(@RequestParam String name, @RequestParam String query, @AuthenticationPrincipal WebcareUser me,
                RedirectAttributes redirect) {
        try {
            queries.save(name, query, me.id());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("name", name);
            redirect.addFlashAttribute("query", query);
        }
        return "redirect:/listening";
    }

    @PostMapping("/listening/queries/remove")
    String remove(@RequestParam long id) {
        queries.remove(id);
        return "redirect:/listening";
    }
}
