package org.webcare.ui;

import java.io.IOException;
import java.time.Duration;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.webcare.channel.Channels;
import org.webcare.identity.WebcareUser;
import org.webcare.imports.ImportJobs;

/**
 * The admin page for history imports: upload a twcs CSV or a JSON Lines file for a channel, and follow the jobs (the
 * list refreshes itself while one runs). Uploads go to disk (multipart parts are never held in memory), so their size
 * is limited only by {@code spring.servlet.multipart.max-file-size}. Admins only, as every {@code /admin} page.
 */
@Controller
class ImportsController {

    private final ImportJobs jobs;
    private final Channels channels;

    ImportsController(ImportJobs jobs, Channels channels) {
        this.jobs = jobs;
        this.channels = channels;
    }

    @GetMapping("/admin/imports")
    String page(Model model) {
        model.addAttribute("channels", channels.channels());
        jobsModel(model);
        return "admin/imports";
    }

    @GetMapping("/admin/imports/jobs")
    String list(Model model) {
        jobsModel(model);
        return "admin/imports :: jobs";
    }

    private void jobsModel(Model model) {
        var recent = jobs.recent(20);
        model.addAttribute("jobs", recent);
        model.addAttribute("running", recent.stream().anyMatch(job -> job.running()));
    }

    @PostMapping("/admin/imports/twcs")
    String twcs(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean resolve,
                @AuthenticationPrincipal WebcareUser me, RedirectAttributes redirect) throws IOException {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("error", "file: choose a non-empty file");
            return "redirect:/admin/imports";
        }
        try {
            jobs.startTwcs(file.getInputStream(), file.getOriginalFilename(), resolve ? Duration.ofHours(24) : null, me.id());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/imports";
    }

    @PostMapping("/admin/imports/posts")
    String posts(@RequestParam("file") MultipartFile file, @RequestParam long channelId,
                 @AuthenticationPrincipal WebcareUser me, RedirectAttributes redirect) throws IOException {
        if (file.isEmpty() || channels.channel(channelId).isEmpty()) {
            redirect.addFlashAttribute("error", file.isEmpty() ? "file: choose a non-empty file" : "channel: no channel with id " + channelId);
            return "redirect:/admin/imports";
        }
        try {
            jobs.startPosts(file.getInputStream(), file.getOriginalFilename(), channelId, me.id());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/imports";
    }
}
