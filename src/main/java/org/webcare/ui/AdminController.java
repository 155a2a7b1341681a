package org.webcare.ui;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.webcare.cases.ReplyTemplates;
import org.webcare.channel.ChannelType;
import org.webcare.channel.Channels;
import org.webcare.channel.NewChannel;
import org.webcare.identity.ApiTokens;
import org.webcare.identity.Role;
import org.webcare.identity.Users;
import org.webcare.identity.WebcareUser;

/**
 * Admin pages: brands and channels, users, and API tokens. Secrets and tokens are shown once, right after creation.
 */
@Controller
class AdminController {

    private final Channels channels;
    private final Users users;
    private final ApiTokens tokens;
    private final ReplyTemplates templates;

    private final org.webcare.cases.ReplyStyles styles;

    AdminController(Channels channels, Users users, ApiTokens tokens, ReplyTemplates templates,
                    org.webcare.cases.ReplyStyles styles) {
        this.styles = styles;
        this.channels = channels;
        this.templates = templates;
        this.users = users;
        this.tokens = tokens;
    }

    @GetMapping("/admin")
    String admin(@AuthenticationPrincipal WebcareUser me, Model model) {
        model.addAttribute("brands", channels.brands());
        model.addAttribute("channels", channels.channels());
        model.addAttribute("users", users.all());
        model.addAttribute("tokens", tokens.of(me.id()));
        model.addAttribute("templates", channels.brands().stream()
                .collect(java.util.stream.Collectors.toMap(b -> b.id(), b -> templates.list(b.id()))));
        model.addAttribute("styles", channels.brands().stream()
                .collect(java.util.stream.Collectors.toMap(b -> b.id(), b -> styles.of(b.id()))));
        model.addAttribute("templateVariables", String.join(", ", ReplyTemplates.VARIABLES.stream().map(v -> "{{" + v + "}}").toList()));
        return "admin/admin";
    }

    @PostMapping("/admin/brands")
    String addBrand(@RequestParam String name, RedirectAttributes redirect) {
        return attempt(redirect, () -> channels.createBrand(name));
    }

    @PostMapping("/admin/channels")
    String addChannel(@RequestParam long brandId, @RequestParam String name, @RequestParam(required = false) String callbackUrl,
                      @RequestParam(defaultValue = "false") boolean allowsPrivate, RedirectAttributes redirect) {
        return attempt(redirect, () -> {
            NewChannel created = channels.createChannel(brandId, ChannelType.API, name, callbackUrl, allowsPrivate);
            redirect.addFlashAttribute("newChannel", created);
        });
    }

    @PostMapping("/admin/users")
    String addUser(@RequestParam String email, @RequestParam String displayName, @RequestParam String password,
                   @RequestParam(defaultValue = "AGENT") Role role, RedirectAttributes redirect) {
        return attempt(redirect, () -> users.create(email, displayName, password, role));
    }

    @PostMapping("/admin/templates")
    String addTemplate(@RequestParam long brandId, @RequestParam String name, @RequestParam String text,
                       @RequestParam(required = false) String language, RedirectAttributes redirect) {
        attempt(redirect, () -> templates.create(brandId, name, text, language));
        return "redirect:/admin#templates";
    }

    @PostMapping("/admin/reply-style")
    String setReplyStyle(@RequestParam long brandId, @RequestParam String tone,
                         @RequestParam(required = false) String orderNumberPattern, RedirectAttributes redirect) {
        attempt(redirect, () -> styles.set(brandId, tone, orderNumberPattern));
        return "redirect:/admin#reply-style";
    }

    @PostMapping("/admin/templates/remove")
    String removeTemplate(@RequestParam long id) {
        templates.remove(id);
        return "redirect:/admin#templates";
    }

    @PostMapping("/admin/tokens")
    String addToken(@AuthenticationPrincipal WebcareUser me, @RequestParam String name, RedirectAttributes redirect) {
        return attempt(redirect, () -> redirect.addFlashAttribute("newToken", tokens.create(me.id(), name)));
    }

    @PostMapping("/admin/tokens/revoke")
    String revokeToken(@AuthenticationPrincipal WebcareUser me, @RequestParam long id) {
        tokens.revoke(me.id(), id);
        return "redirect:/admin#tokens";
    }

    private static String attempt(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin";
    }
}
