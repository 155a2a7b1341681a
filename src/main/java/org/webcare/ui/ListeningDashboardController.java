package org.webcare.ui;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import java.util.List;
import java.util.Optional;

import org.webcare.channel.Channels;
import org.webcare.crisis.Crises;
import org.webcare.crisis.Crisis;
import org.webcare.crisis.CrisisDetected;
import org.webcare.intake.Post;
import org.webcare.intake.Posts;
import org.webcare.listening.SavedQueries;
import org.webcare.reporting.DashboardRange;
import org.webcare.reporting.ListeningDashboard;

/**
 * The listening dashboard of one brand or one saved query: volume over time, sentiment, authors with reach, terms and
 * sources. Live: the figures are fetched again when posts arrive (at most every few seconds).
 */
@Controller
class ListeningDashboardController {

    private static final int DRIVING_POSTS_SHOWN = 5;

    private final ListeningDashboard dashboard;
    private final SavedQueries queries;
    private final Channels channels;
    private final Crises crises;
    private final Posts posts;

    ListeningDashboardController(ListeningDashboard dashboard, SavedQueries queries, Channels channels, Crises crises,
                                 Posts posts) {
        this.dashboard = dashboard;
        this.queries = queries;
        this.channels = channels;
        this.crises = crises;
        this.posts = posts;
    }

    @GetMapping("/listening/dashboard")
    String dashboard(@RequestParam(required = false) Long brand, @RequestParam(required = false) Long query,
                     @RequestParam(required = false) String range, Model model) {
        figures(brand, query, range, model);
        model.addAttribute("queries", queries.all());
        model.addAttribute("brands", channels.brands());
        return "listening/dashboard";
    }

    @GetMapping("/listening/dashboard/figures")
    String figures(@RequestParam(required = false) Long brand, @RequestParam(required = false) Long query,
                   @RequestParam(required = false) String range, Model model) {
        if ((brand == null) == (query == null)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give either brand or query");
        }
        String title = brand != null
                ? channels.brand(brand).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)).name()
                : queries.find(query).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)).name();
        DashboardRange chosen = DashboardRange.parse(range).orElse(DashboardRange.DAY);
        model.addAttribute("scopeName", title);
        model.addAttribute("brand", brand);
        model.addAttribute("query", query);
        model.addAttribute("range", chosen);
        model.addAttribute("ranges", DashboardRange.values());
        model.addAttribute("figures", dashboard.figures(brand, query, chosen));
        CrisisDetected.Scope scope = brand != null ? CrisisDetected.Scope.BRAND : CrisisDetected.Scope.QUERY;
        long scopeId = brand != null ? brand : query;
        List<ActiveCrisis> active = crises.active().stream()
                .filter(crisis -> crisis.scope() == scope && crisis.scopeId() == scopeId)
                .map(crisis -> new ActiveCrisis(crisis, crisis.postIds().stream().limit(DRIVING_POSTS_SHOWN)
                        .map(posts::find).flatMap(Optional::stream).toList()))
                .toList();
        model.addAttribute("crises", active);
        return "listening/dashboard :: figures";
    }

    /** An open crisis of the dashboard's brand or query, with the first posts that drove it. */
    record ActiveCrisis(Crisis crisis, List<Post> drivingPosts) {
    }
}
