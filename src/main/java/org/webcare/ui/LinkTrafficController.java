package org.webcare.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.webcare.channel.Channels;
import org.webcare.links.LinkGrouping;
import org.webcare.links.LinkTraffic;
import org.webcare.links.LinkTrafficReport;

/** The team lead's page of traffic to the website: clicks on the links in replies, per brand, channel, template, link. */
@Controller
@PreAuthorize("hasRole('LEAD')")
class LinkTrafficController {

    private final LinkTraffic traffic;
    private final Channels channels;
    private final ZoneId zone;

    LinkTrafficController(LinkTraffic traffic, Channels channels, @Value("${webcare.time-zone:Europe/Amsterdam}") String zone) {
        this.traffic = traffic;
        this.channels = channels;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/reports/links")
    String page(@RequestParam(required = false) Long brand, @RequestParam(required = false) Long channel,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String by, Model model) {
        Filters filters = filters(brand, channel, from, to, by, model);
        LinkTrafficReport report = traffic.report(filters.from(), filters.to(), brand, channel, filters.by());
        model.addAttribute("report", report);
        model.addAttribute("brands", channels.brands());
        model.addAttribute("channels", channels.channels());
        model.addAttribute("brand", brand);
        model.addAttribute("channel", channel);
        model.addAttribute("from", filters.from());
        model.addAttribute("to", filters.to());
        model.addAttribute("by", filters.by().name().toLowerCase(Locale.ROOT));
        model.addAttribute("groupings", java.util.Arrays.stream(LinkGrouping.values()).map(g -> g.name().toLowerCase(Locale.ROOT)).toList());
        return "reports/links";
    }

    @GetMapping(path = "/reports/links.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) Long brand, @RequestParam(required = false) Long channel,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String by) {
        Filters filters = filters(brand, channel, from, to, by, null);
        LinkTrafficReport report = traffic.report(filters.from(), filters.to(), brand, channel, filters.by());
        java.util.List<java.util.List<?>> rows = report.rows().stream()
                .<java.util.List<?>>map(r -> java.util.List.of(r.label(), r.links(), r.clicks(), r.previews())).toList();
        return CsvDownload.download("link-traffic-" + filters.from() + "-" + filters.to() + ".csv",
                java.util.List.of(filters.by().name().toLowerCase(Locale.ROOT), "links", "clicks", "previews"), rows);
    }

    /** The page's filters; a wrong one is named on the page and replaced by its default rather than failing the page. */
    private Filters filters(Long brand, Long channel, String from, String to, String by, Model model) {
        LocalDate today = LocalDate.now(zone);
        LocalDate until = today;
        LocalDate since = today.minusDays(29);
        LinkGrouping grouping = LinkGrouping.BRAND;
        try {
            until = to == null || to.isBlank() ? today : LocalDate.parse(to.strip());
            since = from == null || from.isBlank() ? until.minusDays(29) : LocalDate.parse(from.strip());
            grouping = by == null || by.isBlank() ? LinkGrouping.BRAND : LinkGrouping.valueOf(by.strip().toUpperCase(Locale.ROOT));
            if (until.isBefore(since)) {
                throw new IllegalArgumentException("to: must not lie before from");
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            if (model == null) {
                throw new IllegalArgumentException("from/to/by: dates such as 2026-11-30 and by brand, channel, template or link");
            }
            model.addAttribute("error", e instanceof DateTimeParseException ? "from/to: dates such as 2026-11-30" : e.getMessage());
            until = today;
            since = today.minusDays(29);
            grouping = LinkGrouping.BRAND;
        }
        return new Filters(since, until, grouping);
    }

    private record Filters(LocalDate from, LocalDate to, LinkGrouping by) {
    }
}
