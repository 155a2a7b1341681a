package org.webcare.ui;

import java.util.Locale;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.webcare.surveys.Survey;
import org.webcare.surveys.SurveyKind;
import org.webcare.surveys.SurveyLink;
import org.webcare.surveys.SurveySettings;
import org.webcare.surveys.SurveySettingsStore;
import org.webcare.surveys.Surveys;

/**
 * The public survey page a customer opens from the invitation: no account, no session, in the survey's language
 * unless {@code ?lang=nl|en} asks otherwise. It shows the brand's name and the scale, nothing of the case. An unknown
 * link is 404, an expired one 410; a second answer is refused kindly (410 with a thank-you).
 */
@Controller
class SurveyPageController {

    private final Surveys surveys;
    private final SurveySettingsStore settings;

    SurveyPageController(Surveys surveys, SurveySettingsStore settings) {
        this.surveys = surveys;
        this.settings = settings;
    }

    @GetMapping("/s/{token}")
    String page(@PathVariable String token, @RequestParam(required = false) String lang, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        return show(token, surveys.linked(token), lang, model, request, response);
    }

    @PostMapping("/s/{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) String lang,
                  @RequestParam(required = false) String score, @RequestParam(required = false) String comment,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            return show(token, surveys.answer(token, score, comment), lang, model, request, response);
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("answerError", e.getMessage().startsWith("comment") ? "comment" : "score");
            model.addAttribute("draft", comment);
            return show(token, surveys.linked(token), lang, model, request, response);
        }
    }

    private String show(String token, SurveyLink link, String lang, Model model, HttpServletRequest request,
                               HttpServletResponse response) {
        Survey survey = null;
        String state;
        switch (link) {
            case SurveyLink.Open open -> {
                survey = open.survey();
                model.addAttribute("brand", open.brandName());
                state = "open";
            }
            case SurveyLink.Accepted accepted -> {
                survey = accepted.survey();
                model.addAttribute("brand", accepted.brandName());
                state = "thanks";
            }
            case SurveyLink.Gone gone -> {
                survey = gone.survey();
                model.addAttribute("brand", gone.brandName());
                response.setStatus(HttpServletResponse.SC_GONE);
                state = gone.answered() ? "answered" : "expired";
            }
            case SurveyLink.Unknown unknown -> {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                state = "unknown";
            }
        }
        // The survey's language, unless the customer switched; this request only, so no cookie and no session.
        String language = "nl".equals(lang) || "en".equals(lang) ? lang
                : survey != null && survey.language() != null ? survey.language() : null;
        if (language != null) {
            request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, Locale.forLanguageTag(language));
            model.addAttribute("lang", language);
        }
        model.addAttribute("state", state);
        model.addAttribute("token", token);
        if (survey != null && survey.kind() != null) {
            SurveyKind kind = survey.kind();
            model.addAttribute("kind", kind.json());
            model.addAttribute("scale", IntStream.rangeClosed(kind.min(), kind.max()).boxed().toList());
            model.addAttribute("low", kind.min());
            model.addAttribute("high", kind.max());
            // The brand's own question when it still asks this kind; otherwise the page's built-in one.
            SurveySettings brand = settings.of(survey.brandId());
            String own = "nl".equals(language != null ? language : survey.language()) ? brand.questionNl() : brand.questionEn();
            if (brand.kind() == kind && own != null && model.getAttribute("brand") instanceof String brandName) {
                model.addAttribute("ownQuestion", own.replace("{brand}", brandName));
            }
        }
        return "surveys/answer";
    }
}
