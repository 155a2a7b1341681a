package org.webcare.ui;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.webcare.channel.Brand;
import org.webcare.channel.Channels;
import org.webcare.identity.WebcareUser;
import org.webcare.surveys.SurveyFigures;
import org.webcare.surveys.SurveyKind;
import org.webcare.surveys.SurveyQuery;
import org.webcare.surveys.SurveyReport;
import org.webcare.surveys.SurveyReports;
import org.webcare.surveys.SurveySettings;
import org.webcare.surveys.SurveySettingsStore;

/**
 * Team leads' survey pages: each brand's survey settings ({@code /surveys}) and the report with its tiles, the score
 * per day or week as an inline chart, the tables per brand, channel, team and agent, and recent comments
 * ({@code /reports/surveys}, CSV at {@code /reports/surveys.csv}).
 */
@Controller
@PreAuthorize("hasRole('LEAD')")
class SurveysController {

    private final SurveySettingsStore settings;
    private final SurveyReports reports;
    private final Channels channels;

    SurveysController(SurveySettingsStore settings, SurveyReports reports, Channels channels) {
        this.settings = settings;
        this.reports = reports;
        this.channels = channels;
    }

    @GetMapping("/surveys")
    String settings(@RequestParam(required = false) Long brand, Model model) {
        List<Brand> brands = channels.brands();
        model.addAttribute("brands", brands);
        if (!brands.isEmpty()) {
            Brand chosen = brands.stream().filter(b -> brand != null && b.id() == brand).findFirst().orElse(brands.getFirst());
            model.addAttribute("brand", chosen);
            if (!model.containsAttribute("settings")) {
                model.addAttribute("settings", settings.of(chosen.id()));
            }
            model.addAttribute("kinds", SurveyKind.values());
            model.addAttribute("defaults", Map.of(
                    "nl", SurveySettings.defaultQuestion(settings.of(chosen.id()).kind(), "nl"),
                    "en", SurveySettings.defaultQuestion(settings.of(chosen.id()).kind(), "en")));
        }
        return "surveys/settings";
    }

    @PostMapping("/surveys/{brandId}")
    String save(@PathVariable long brandId, @RequestParam Map<String, String> form, @AuthenticationPrincipal WebcareUser user,
                Model model, RedirectAttributes redirect) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("enabled", form.getOrDefault("enabled", "false"));
        for (String name : List.of("kind", "askBy", "delay", "customerInterval", "questionNl", "questionEn")) {
            if (form.containsKey(name)) {
                fields.put(name, form.get(name));
            }
        }
        try {
            settings.save(brandId, fields, user.displayName());
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("form", form);
            return settings(brandId, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/surveys?brand=" + brandId;
    }

    @GetMapping("/reports/surveys")
    String report(@RequestParam(required = false) String brand, @RequestParam(required = false) String channel,
                  @RequestParam(required = false) String team, @RequestParam(required = false) String agent,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String by, @RequestParam(required = false) String score, Model model) {
        SurveyQuery query;
        try {
            query = SurveyQuery.parse(brand, channel, team, agent, from, to, by, reports.today());
        } catch (IllegalArgumentException e) {
            // Show the default report and say which field was wrong, rather than an error page.
            model.addAttribute("error", e.getMessage());
            query = SurveyQuery.parse(null, null, null, null, null, null, null, reports.today());
        }
        SurveyReport report = reports.report(query);
        String chartKind = chartKind(score, report.total());
        model.addAttribute("report", report);
        model.addAttribute("query", query);
        model.addAttribute("brands", channels.brands());
        model.addAttribute("chartKind", chartKind);
        model.addAttribute("bars", bars(report, chartKind));
        model.addAttribute("csvQuery", csvQuery(query));
        model.addAttribute("rowLinks", rowLinks(report));
        return "surveys/report";
    }

    @GetMapping("/reports/surveys.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String brand, @RequestParam(required = false) String channel,
                               @RequestParam(required = false) String team, @RequestParam(required = false) String agent,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String by) {
        SurveyQuery query;
        try {
            query = SurveyQuery.parse(brand, channel, team, agent, from, to, by, reports.today());
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"surveys-" + query.from() + "-" + query.to() + ".csv\"")
                .body(reports.csv(reports.report(query)));
    }

    /** The score the chart shows: the one asked for, else the kind with the most answers (CSAT when none). */
    static String chartKind(String wanted, SurveyFigures total) {
        if ("csat".equals(wanted) || "ces".equals(wanted) || "nps".equals(wanted)) {
            return wanted;
        }
        if (total.npsAnswers() > total.csatAnswers() && total.npsAnswers() >= total.cesAnswers()) {
            return "nps";
        }
        return total.cesAnswers() > total.csatAnswers() ? "ces" : "csat";
    }

    /** One bar per day or week: its height in 0..96 on the score's whole scale, and the value it stands for. */
    static List<Bar> bars(SurveyReport report, String kind) {
        List<Bar> bars = new ArrayList<>();
        int i = 0;
        for (SurveyReport.Point point : report.series()) {
            SurveyFigures f = point.figures();
            Double value = switch (kind) {
                case "nps" -> f.nps();
                case "ces" -> f.cesAverage();
                default -> f.csatShare();
            };
            double fraction = value == null ? 0 : switch (kind) {
                case "nps" -> (value + 100) / 200;
                case "ces" -> (value - 1) / 6;
                default -> value / 100;
            };
            int height = (int) Math.round(Math.max(0, Math.min(1, fraction)) * 96);
            bars.add(new Bar(i * 10 + 1, 100 - height, height, point.start().toString(), value, f.answers()));
            i++;
        }
        return bars;
    }

    /** Each row of brands, channels, teams or agents links to the report narrowed to it, per day. */
    static Map<String, String> rowLinks(SurveyReport report) {
        SurveyQuery query = report.query();
        String parameter = switch (query.by()) {
            case BRAND -> "brand";
            case CHANNEL -> "channel";
            case TEAM -> "team";
            case AGENT -> "agent";
            case DAY, WEEK -> null;
        };
        Map<String, String> links = new LinkedHashMap<>();
        if (parameter == null) {
            return links;
        }
        for (SurveyFigures row : report.rows()) {
            if (row.key().isEmpty()) {
                continue;
            }
            StringBuilder link = new StringBuilder("/reports/surveys?from=" + query.from() + "&to=" + query.to() + "&by=day&"
                    + parameter + "=" + java.net.URLEncoder.encode(row.key(), StandardCharsets.UTF_8));
            if (query.brandId() != null && !parameter.equals("brand")) {
                link.append("&brand=").append(query.brandId());
            }
            links.put(row.key(), link.toString());
        }
        return links;
    }

    private static String csvQuery(SurveyQuery query) {
        StringBuilder q = new StringBuilder("from=" + query.from() + "&to=" + query.to() + "&by=" + query.by().json());
        if (query.brandId() != null) {
            q.append("&brand=").append(query.brandId());
        }
        if (query.channelId() != null) {
            q.append("&channel=").append(query.channelId());
        }
        if (query.team() != null) {
            q.append("&team=").append(java.net.URLEncoder.encode(query.team(), StandardCharsets.UTF_8));
        }
        if (query.agentId() != null) {
            q.append("&agent=").append(query.agentId());
        }
        return q.toString();
    }

    record Bar(int x, int y, int height, String label, Double value, long answers) {
    }
}
