package org.webcare.ui;

import java.util.Locale;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.webcare.identity.WebcareUser;

/** What every page's layout needs: the signed-in user, the language and the time formatter. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModel {

    private final DisplayTime time;

    LayoutModel(DisplayTime time) {
        this.time = time;
    }

    @ModelAttribute("me")
    WebcareUser me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof WebcareUser user ? user : null;
    }

    @ModelAttribute("lang")
    String lang(jakarta.servlet.http.HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        return locale.getLanguage();
    }

    @ModelAttribute("path")
    String path(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("sentimentLabels")
    org.webcare.shared.SentimentLabel[] sentimentLabels() {
        return org.webcare.shared.SentimentLabel.values();
    }

    @ModelAttribute("intentValues")
    org.webcare.shared.Intent[] intentValues() {
        return org.webcare.shared.Intent.values();
    }

    @ModelAttribute("time")
    DisplayTime time() {
        return time;
    }
}
