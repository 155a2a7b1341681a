package org.webcare.ui;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.webcare.channel.Channels;
import org.webcare.listening.SavedQueries;
import org.webcare.reporting.DashboardRange;
import org.webcare.reporting.ListeningDashboard;

/**
 * The listening dashboard of one brand or one saved query: volume over time, sentiment, authors with reach, terms and
 * sources. Live: the figures are fetched again when posts arrive (at most every few seconds).
 */
@Controller
class ListeningDashboardController {

    private final ListeningDashboard dashboard;
    private final SavedQueries queries;
    private final Channels channels;

    ListeningDashboardController(ListeningDashboard dashboard, SavedQueries queries, Channels channels) {
        this.dashboard = dashboard;
        this.queries = queries;
        this.channels = channels;
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
        model.addAttribute("title", title);
        model.addAttribute("brand", brand);
        model.addAttribute("query", query);
        model.addAttribute("range", chosen);
        model.addAttribute("ranges", DashboardRange.values());
        model.addAttribute("figures", dashboard.figures(brand, query, chosen));
        return "listening/dashboard :: figures";
    }
}
