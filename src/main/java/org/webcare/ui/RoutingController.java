package org.webcare.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.webcare.channel.Brand;
import org.webcare.channel.Channel;
import org.webcare.channel.Channels;
import org.webcare.listening.SavedQueries;
import org.webcare.listening.SavedQuery;
import org.webcare.routing.AgentStatus;
import org.webcare.routing.Agents;
import org.webcare.routing.CaseRouting;
import org.webcare.routing.Queue;
import org.webcare.routing.Queues;
import org.webcare.routing.RoutingRule;
import org.webcare.routing.RoutingRules;
import org.webcare.routing.RoutingTester;
import org.webcare.routing.RuleDraft;
import org.webcare.routing.SamplePost;
import org.webcare.routing.Strategy;

/**
 * The team lead's "Team &amp; routing" page: agents with status, load, capacity and skills; each brand's queues and
 * rules (editable, reorderable); and the tester that shows what routing would do with a sample post.
 */
@Controller
@PreAuthorize("hasRole('LEAD')")
class RoutingController {

    private final Queues queues;
    private final RoutingRules rules;
    private final Agents agents;
    private final RoutingTester tester;
    private final CaseRouting routing;
    private final Channels channels;
    private final SavedQueries savedQueries;

    RoutingController(Queues queues, RoutingRules rules, Agents agents, RoutingTester tester, CaseRouting routing,
                      Channels channels, SavedQueries savedQueries) {
        this.queues = queues;
        this.rules = rules;
        this.agents = agents;
        this.tester = tester;
        this.routing = routing;
        this.channels = channels;
        this.savedQueries = savedQueries;
    }

    @GetMapping("/routing")
    String page(Model model) {
        List<Brand> brands = channels.brands();
        List<Channel> allChannels = channels.channels();
        Map<Long, List<Queue>> queuesByBrand = new LinkedHashMap<>();
        Map<Long, List<RoutingRule>> rulesByBrand = new LinkedHashMap<>();
        for (Brand brand : brands) {
            queuesByBrand.put(brand.id(), queues.ofBrand(brand.id()));
            rulesByBrand.put(brand.id(), rules.ofBrand(brand.id()));
        }
        model.addAttribute("brands", brands);
        model.addAttribute("queues", queuesByBrand);
        model.addAttribute("rules", rulesByBrand);
        model.addAttribute("channelsByBrand", allChannels.stream().collect(Collectors.groupingBy(Channel::brandId)));
        model.addAttribute("channelNames", allChannels.stream().collect(Collectors.toMap(Channel::id, Channel::name)));
        List<SavedQuery> saved = savedQueries.all();
        model.addAttribute("savedQueries", saved);
        model.addAttribute("queryNames", saved.stream().collect(Collectors.toMap(SavedQuery::id, SavedQuery::name)));
        model.addAttribute("agents", agents.all());
        model.addAttribute("waiting", routing.waitingCounts());
        model.addAttribute("unrouted", routing.unroutedCounts());
        model.addAttribute("strategies", Strategy.values());
        model.addAttribute("statuses", AgentStatus.values());
        return "routing/routing";
    }

    @PostMapping("/routing/queues")
    String addQueue(@RequestParam long brandId, @RequestParam String name, @RequestParam(required = false) String team,
                    @RequestParam(defaultValue = "MANUAL") String strategy, @RequestParam(defaultValue = "false") boolean isDefault,
                    @RequestParam(required = false) List<Long> memberIds, RedirectAttributes redirect) {
        return attempt(redirect, "brand-" + brandId,
                () -> queues.create(brandId, name, team, Strategy.parse(strategy), isDefault, memberIds));
    }

    @PostMapping("/routing/queues/{id}")
    String changeQueue(@PathVariable long id, @RequestParam String name, @RequestParam(required = false) String team,
                       @RequestParam String strategy, @RequestParam(defaultValue = "false") boolean isDefault,
                       @RequestParam(required = false) List<Long> memberIds, RedirectAttributes redirect) {
        Queue queue = queues.get(id);
        return attempt(redirect, "brand-" + queue.brandId(),
                () -> queues.update(id, name, team, Strategy.parse(strategy), isDefault, memberIds == null ? List.of() : memberIds));
    }

    @PostMapping("/routing/queues/{id}/remove")
    String removeQueue(@PathVariable long id, RedirectAttributes redirect) {
        Queue queue = queues.get(id);
        return attempt(redirect, "brand-" + queue.brandId(), () -> queues.remove(id));
    }

    @PostMapping("/routing/rules")
    String addRule(@RequestParam long brandId, RuleForm form, RedirectAttributes redirect) {
        return attempt(redirect, "rules-" + brandId, () -> rules.create(brandId, form.draft()));
    }

    @PostMapping("/routing/rules/{id}")
    String changeRule(@PathVariable long id, RuleForm form, RedirectAttributes redirect) {
        RoutingRule rule = rules.get(id);
        return attempt(redirect, "rules-" + rule.brandId(), () -> rules.update(id, form.draft()));
    }

    @PostMapping("/routing/rules/{id}/move")
    String moveRule(@PathVariable long id, @RequestParam int by, RedirectAttributes redirect) {
        RoutingRule rule = rules.get(id);
        return attempt(redirect, "rules-" + rule.brandId(), () -> rules.move(id, by));
    }

    @PostMapping("/routing/rules/{id}/remove")
    String removeRule(@PathVariable long id, RedirectAttributes redirect) {
        RoutingRule rule = rules.get(id);
        return attempt(redirect, "rules-" + rule.brandId(), () -> rules.remove(id));
    }

    @PostMapping("/routing/agents/{id}")
    String configureAgent(@PathVariable long id, @RequestParam(required = false) Integer capacity,
                          @RequestParam(defaultValue = "") String languages, @RequestParam(defaultValue = "") String topics,
                          @RequestParam(required = false) String status, RedirectAttributes redirect) {
        return attempt(redirect, "agents", () -> {
            agents.configure(id, capacity, Agents.split(languages), Agents.split(topics));
            if (status != null && !status.isBlank()) {
                agents.setStatus(id, AgentStatus.parse(status));
            }
        });
    }

    /** The tester: answered in place; a bad sample is answered with 422 and the reason. */
    @PostMapping("/routing/test")
    String test(@RequestParam(required = false) Long channelId, @RequestParam(defaultValue = "") String text,
                @RequestParam(required = false) String language, @RequestParam(required = false) Long followers,
                @RequestParam(required = false) String authorHandle, @RequestParam(defaultValue = "false") boolean privateMessage,
                @RequestParam(defaultValue = "false") boolean toBrand, @RequestParam(required = false) String customerTags,
                Model model, HttpServletResponse response) {
        try {
            model.addAttribute("trial", tester.test(new SamplePost(text, channelId, blankToNull(language), followers,
                    blankToNull(authorHandle), privateMessage, toBrand,
                    customerTags == null || customerTags.isBlank() ? null : Agents.split(customerTags))));
            model.addAttribute("channelNames", channels.channels().stream().collect(Collectors.toMap(Channel::id, Channel::name)));
            return "routing/trial :: trial";
        } catch (IllegalArgumentException e) {
            response.setStatus(422);
            model.addAttribute("error", e.getMessage());
            return "routing/trial :: error";
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String attempt(RedirectAttributes redirect, String anchor, Runnable action) {
        try {
            action.run();
        } catch (IllegalArgumentException | org.webcare.shared.ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("errorAt", anchor);
        }
        return "redirect:/routing#" + anchor;
    }

    /** The rule form's fields; comma-separated text for languages and tags. */
    record RuleForm(String name, Long queueId, List<Long> channelIds, String languages, List<String> intents,
                    List<Long> queryIds, String sentiment, Integer maxPriority, String customerTags) {

        RuleDraft draft() {
            return new RuleDraft(name, queueId, channelIds, Agents.split(languages), intents, queryIds,
                    sentiment == null || sentiment.isBlank() ? null : sentiment, maxPriority, Agents.split(customerTags));
        }
    }
}
