package org.webcare.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.webcare.channel.ChannelType;
import org.webcare.channel.Channels;
import org.webcare.channel.ConnectorChannels;
import org.webcare.channel.ConnectorException;

/**
 * Admin page of the connected channels and sources: their health (last success, last error, posts today, next poll),
 * adding one per brand with its connector's settings, checking a connection before saving it, pausing and resuming.
 */
@Controller
class SourcesController {

    private static final String SETTING_PREFIX = "setting.";

    private final ConnectorChannels connectorChannels;
    private final Channels channels;

    SourcesController(ConnectorChannels connectorChannels, Channels channels) {
        this.connectorChannels = connectorChannels;
        this.channels = channels;
    }

    @GetMapping("/admin/sources")
    String sources(Model model) {
        model.addAttribute("health", connectorChannels.health());
        model.addAttribute("connectors", connectorChannels.connectors().stream()
                .filter(connector -> connector.type() != ChannelType.FAKE && connector.type() != ChannelType.API).toList());
        model.addAttribute("brands", channels.brands());
        return "admin/sources";
    }

    @PostMapping("/admin/sources")
    String add(@RequestParam long brandId, @RequestParam String type, @RequestParam String name,
               @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        try {
            connectorChannels.create(brandId, type(type), name, settings(form));
            redirect.addFlashAttribute("added", name);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("failedType", type);
        }
        return "redirect:/admin/sources";
    }

    /** "Check connection": what the source would deliver now, before anything is saved. */
    @PostMapping("/admin/sources/check")
    String check(@RequestParam String type, @RequestParam MultiValueMap<String, String> form, Model model) {
        try {
            model.addAttribute("posts", connectorChannels.preview(type(type), settings(form)));
        } catch (ConnectorException | IllegalArgumentException e) {
            model.addAttribute("checkError", e.getMessage());
        }
        return "admin/sources :: check";
    }

    @PostMapping("/admin/sources/{channelId}/check")
    String checkSaved(@PathVariable long channelId, Model model) {
        try {
            model.addAttribute("posts", connectorChannels.preview(channelId));
        } catch (ConnectorException | IllegalArgumentException | IllegalStateException e) {
            model.addAttribute("checkError", e.getMessage());
        }
        return "admin/sources :: check";
    }

    @PostMapping("/admin/sources/{channelId}/pause")
    String pause(@PathVariable long channelId, @RequestParam boolean paused) {
        connectorChannels.pause(channelId, paused);
        return "redirect:/admin/sources";
    }

    private static ChannelType type(String type) {
        try {
            return ChannelType.valueOf(type.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("type: unknown channel type '" + type + "'");
        }
    }

    /** The form's {@code setting.<key>} fields; empty ones are left out so defaults apply. */
    private static Map<String, String> settings(MultiValueMap<String, String> form) {
        Map<String, String> settings = new LinkedHashMap<>();
        form.forEach((key, values) -> {
            if (key.startsWith(SETTING_PREFIX) && !values.isEmpty() && !values.getLast().isBlank()) {
                settings.put(key.substring(SETTING_PREFIX.length()), values.getLast());
            }
        });
        return settings;
    }

}
