package org.webcare.ui;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.thymeleaf.context.LazyContextVariable;
import org.webcare.identity.WebcareUser;
import org.webcare.sla.SlaNotifications;

/**
 * The SLA warnings and breaches a user was told about (the cases they own; every breach for team leads), newest first,
 * with the unread count in the navigation.
 */
@Controller
class SlaNotificationsController {

    private static final int SHOWN = 100;

    private final SlaNotifications notifications;

    SlaNotificationsController(SlaNotifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal WebcareUser me, Model model) {
        model.addAttribute("notifications", notifications.of(me.id(), SHOWN));
        return "sla/notifications";
    }

    @PostMapping("/notifications/read")
    String read(@AuthenticationPrincipal WebcareUser me) {
        notifications.markRead(me.id());
        return "redirect:/notifications";
    }

    /** The unread count for the navigation, queried only when a page with the navigation is rendered. */
    @ControllerAdvice(annotations = Controller.class)
    static class UnreadCount {

        private final SlaNotifications notifications;

        UnreadCount(SlaNotifications notifications) {
            this.notifications = notifications;
        }

        @ModelAttribute("unreadSla")
        LazyContextVariable<Integer> unreadSla() {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            Long userId = authentication != null && authentication.getPrincipal() instanceof WebcareUser user ? user.id() : null;
            return new LazyContextVariable<>() {
                @Override
                protected Integer loadValue() {
                    return userId == null ? 0 : notifications.unread(userId);
                }
            };
        }
    }
}
