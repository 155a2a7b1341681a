package org.webcare.ui;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;
import org.webcare.cases.Mentions;
import org.webcare.identity.WebcareUser;

/**
 * The signed-in colleague's unread mentions for the navigation's count. Lazy: counted only when a page with the
 * navigation is rendered, not for every htmx fragment.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class MentionsModel {

    private final Mentions mentions;

    MentionsModel(Mentions mentions) {
        this.mentions = mentions;
    }

    @ModelAttribute("unreadMentions")
    LazyContextVariable<Long> unreadMentions() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Long userId = authentication != null && authentication.getPrincipal() instanceof WebcareUser user ? user.id() : null;
        return new LazyContextVariable<>() {
            @Override
            protected Long loadValue() {
                return userId == null ? 0L : mentions.unread(userId);
            }
        };
    }
}
