package org.webcare.surveys;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.webcare.identity.WebcareUser;
import org.webcare.shared.NotFoundException;

/** REST API of surveys for team leads and admins: a brand's settings, the report, one survey. */
@RestController
@Tag(name = "Surveys")
@PreAuthorize("hasRole('LEAD')")
class SurveysApiController {

    private final SurveySettingsStore settings;
    private final SurveyReports reports;
    private final Surveys surveys;

    SurveysApiController(SurveySettingsStore settings, SurveyReports reports, Surveys surveys) {
        this.settings = settings;
        this.reports = reports;
        this.surveys = surveys;
    }

    @GetMapping("/api/v1/brands/{id}/survey-settings")
    @Operation(summary = "A brand's survey settings (defaults when never saved: off, csat, page, PT1H, P30D)")
    Map<String, Object> settings(@PathVariable long id) {
        return view(settings.of(id));
    }

    @PutMapping("/api/v1/brands/{id}/survey-settings")
    @Operation(summary = "Changes a brand's survey settings; fields left out keep their value, an empty question the built-in one")
    Map<String, Object> save(@PathVariable long id, @RequestBody Map<String, Object> body,
                             @AuthenticationPrincipal WebcareUser user) {
        return view(settings.save(id, body, user == null ? null : user.displayName()));
    }

    @GetMapping(value = "/api/v1/reports/surveys")
    @Operation(summary = "Survey figures of a period (from/to dates, default the last 30 days) per brand, channel, team, agent, day or week; format=csv for CSV")
    ResponseEntity<?> report(@RequestParam(required = false) String brand, @RequestParam(required = false) String channel,
                             @RequestParam(required = false) String team, @RequestParam(required = false) String agent,
                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String by, @RequestParam(required = false) String format) {
        SurveyQuery query = SurveyQuery.parse(brand, channel, team, agent, from, to, by, reports.today());
        SurveyReport report = reports.report(query);
        if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
            return ResponseEntity.ok(report);
        }
        if (!format.equalsIgnoreCase("csv")) {
            throw new IllegalArgumentException("format: must be json or csv; got '" + format + "'");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"surveys-" + query.from() + "-" + query.to() + ".csv\"")
                .body(reports.csv(report));
    }

    @GetMapping("/api/v1/surveys/{id}")
    @Operation(summary = "One survey: its case, status (with the reason when skipped), score and comment")
    Survey survey(@PathVariable long id) {
        return surveys.find(id).orElseThrow(() -> new NotFoundException("survey: no survey with id " + id));
    }

    static Map<String, Object> view(SurveySettings s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("brandId", s.brandId());
        view.put("enabled", s.enabled());
        view.put("kind", s.kind().json());
        view.put("askBy", s.askBy().json());
        view.put("delay", SurveySettings.iso(s.delay()));
        view.put("customerInterval", SurveySettings.iso(s.customerInterval()));
        view.put("questionNl", s.questionNl());
        view.put("questionEn", s.questionEn());
        view.put("defaultQuestionNl", SurveySettings.defaultQuestion(s.kind(), "nl"));
        view.put("defaultQuestionEn", SurveySettings.defaultQuestion(s.kind(), "en"));
        return view;
    }
}
