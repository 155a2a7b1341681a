package org.webcare.ui;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.webcare.channel.Brand;
import org.webcare.channel.Channels;
import org.webcare.sla.PolicyDraft;
import org.webcare.sla.PolicyView;
import org.webcare.sla.SlaPolicies;

/**
 * The team leads' SLA page ({@code /sla}): each brand's policies in order, and a form to add one that shows what is
 * wrong next to each field (answered with 422 and the form as it was sent).
 */
@Controller
@PreAuthorize("hasRole('LEAD')")
class SlaPoliciesController {

    private final SlaPolicies policies;
    private final Channels channels;

    SlaPoliciesController(SlaPolicies policies, Channels channels) {
        this.policies = policies;
        this.channels = channels;
    }

    @GetMapping("/sla")
    String page(Model model) {
        return render(model, new PolicyForm(null, null, null, null, null, null, "PT4H", null, "PT24H", null, null, null, null,
                false, true), Map.of());
    }

    @PostMapping("/sla/policies")
    String add(@ModelAttribute PolicyForm form, Model model, HttpServletResponse response) {
        PolicyDraft draft = form.draft();
        Map<String, String> problems = policies.problems(draft);
        if (!problems.isEmpty()) {
            response.setStatus(422);
            return render(model, form, problems);
        }
        policies.create(draft);
        return "redirect:/sla";
    }

    @PostMapping("/sla/policies/{id}/delete")
    String remove(@PathVariable long id) {
        policies.remove(id);
        return "redirect:/sla";
    }

    private String render(Model model, PolicyForm form, Map<String, String> problems) {
        List<Brand> brands = channels.brands();
        Map<Long, List<PolicyView>> byBrand = new LinkedHashMap<>();
        brands.forEach(b -> byBrand.put(b.id(), policies.ofBrand(b.id()).stream().map(PolicyView::of).toList()));
        model.addAttribute("brands", brands);
        model.addAttribute("policies", byBrand);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("fields", List.of(
                new Field("name", "name", form.name(), "VIP"),
                new Field("position", "position", form.position(), "1"),
                new Field("maxPriority", "maxPriority", form.maxPriority(), "1–5"),
                new Field("intents", "intents", form.intents(), "complaint, urgent"),
                new Field("customerTags", "customerTags", form.customerTags(), "vip"),
                new Field("firstResponse", "targets.firstResponse", form.firstResponse(), "PT4H"),
                new Field("nextResponse", "targets.nextResponse", form.nextResponse(), "PT1H"),
                new Field("resolution", "targets.resolution", form.resolution(), "PT24H"),
                new Field("calendarId", "calendarId", form.calendarId(), ""),
                new Field("notifyEmail", "notifyEmail", form.notifyEmail(), "team@example.org"),
                new Field("notifyWebhook", "notifyWebhook", form.notifyWebhook(), "https://"),
                new Field("autoReplyText", "autoReplyText", form.autoReplyText(), "We reageren {{promise}}.")));
        return "sla/policies";
    }

    /** One text field of the form: its input name, the field path problems are reported under, and what was typed. */
    record Field(String name, String path, String value, String placeholder) {
    }

    /** The form as typed; numbers stay text so a wrong one is shown back as it was. */
    record PolicyForm(Long brandId, String name, String position, String maxPriority, String intents, String customerTags,
                      String firstResponse, String nextResponse, String resolution, String calendarId, String notifyEmail,
                      String notifyWebhook, String autoReplyText, Boolean workingTime, Boolean pauseOnCustomer) {

        PolicyForm {
            workingTime = workingTime != null && workingTime;
            pauseOnCustomer = pauseOnCustomer != null && pauseOnCustomer;
        }

        PolicyDraft draft() {
            return new PolicyDraft(brandId, name, number(position), null, number(maxPriority), list(intents), list(customerTags),
                    new PolicyDraft.Targets(firstResponse, workingTime, nextResponse, workingTime, resolution, workingTime),
                    calendarId == null || calendarId.isBlank() ? null : (long) (int) number(calendarId), pauseOnCustomer, false,
                    notifyEmail, notifyWebhook, autoReplyText);
        }

        private static Integer number(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                return -1; // reported by the policy check as out of range
            }
        }

        private static List<String> list(String value) {
            return value == null || value.isBlank() ? List.of()
                    : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }
}
