package org.webcare.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.webcare.cases.Actor;
import org.webcare.cases.ReplyTemplates;
import org.webcare.channel.Channels;
import org.webcare.identity.WebcareUser;
import org.webcare.incidents.BulkReplies;
import org.webcare.incidents.Candidates;
import org.webcare.incidents.Incident;
import org.webcare.incidents.IncidentStatus;
import org.webcare.incidents.Incidents;
import org.webcare.incidents.SendReport;
import org.webcare.incidents.Sender;
import org.webcare.incidents.StatementKind;
import org.webcare.shared.ConflictException;
import org.webcare.shared.NotFoundException;

/**
 * The incidents pages: the list with a form to open one, and an incident's page (find and add cases, preview and send
 * the holding statement, resolve with a follow-up). Sending and deleting are for team leads, as in the API.
 */
@Controller
class IncidentsController {

    /** The periods the candidate search offers, as ISO-8601 durations. */
    static final List<String> PERIODS = List.of("PT1H", "PT6H", "PT24H", "P3D", "P7D");

    private final Incidents incidents;
    private final BulkReplies bulkReplies;
    private final Candidates candidates;
    private final Channels channels;

    IncidentsController(Incidents incidents, BulkReplies bulkReplies, Candidates candidates, Channels channels) {
        this.incidents = incidents;
        this.bulkReplies = bulkReplies;
        this.candidates = candidates;
        this.channels = channels;
    }

    @GetMapping("/incidents")
    String list(Model model) {
        model.addAttribute("open", incidents.list(IncidentStatus.OPEN, null, 200));
        model.addAttribute("resolved", incidents.list(IncidentStatus.RESOLVED, null, 50));
        model.addAttribute("brands", channels.brands());
        model.addAttribute("variables", variables());
        return "incidents/list";
    }

    @PostMapping("/incidents")
    String create(@RequestParam(required = false) Long brandId, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String description,
                  @RequestParam(defaultValue = "") String holdingStatement, @AuthenticationPrincipal WebcareUser me,
                  RedirectAttributes redirect) {
        try {
            if (brandId == null) {
                throw new IllegalArgumentException("brandId: choose the brand");
            }
            Incident created = incidents.create(brandId, title, description, holdingStatement, actor(me));
            return "redirect:/incidents/" + created.id();
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            // Not "title": the layout's fragment parameter of that name would shadow it.
            redirect.addFlashAttribute("draftBrandId", brandId);
            redirect.addFlashAttribute("draftTitle", title);
            redirect.addFlashAttribute("draftDescription", description);
            redirect.addFlashAttribute("draftStatement", holdingStatement);
            return "redirect:/incidents#new-incident";
        }
    }

    @GetMapping("/incidents/{id}")
    String incident(@PathVariable long id, Model model) {
        model.addAttribute("details", details(id));
        model.addAttribute("periods", PERIODS);
        model.addAttribute("variables", variables());
        return "incidents/incident";
    }

    @PostMapping("/incidents/{id}")
    String update(@PathVariable long id, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String description,
                  @RequestParam(defaultValue = "") String holdingStatement, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            incidents.update(id, title, description, holdingStatement);
            redirect.addFlashAttribute("saved", true);
        });
    }

    /** The cases table alone: the page polls it while replies are on their way, to show them delivered. */
    @GetMapping("/incidents/{id}/cases")
    String cases(@PathVariable long id, Model model) {
        model.addAttribute("details", details(id));
        return "incidents/incident :: cases";
    }

    /** The candidates for the agent's query, shown as a list to tick under the search form. */
    @GetMapping("/incidents/{id}/candidates")
    String candidates(@PathVariable long id, @RequestParam(defaultValue = "") String query,
                      @RequestParam(defaultValue = "PT24H") String period, Model model) {
        model.addAttribute("incidentId", id);
        model.addAttribute("query", query);
        try {
            model.addAttribute("candidates", candidates.find(id, query, Instant.now().minus(period(period)), null));
        } catch (IllegalArgumentException | ConflictException e) {
            model.addAttribute("error", message(e));
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "incidents/incident :: candidates";
    }

    /** Adds the ticked candidates, or the case numbers typed in. */
    @PostMapping("/incidents/{id}/cases")
    String addCases(@PathVariable long id, @RequestParam(required = false) List<Long> caseIds,
                    @RequestParam(defaultValue = "") String caseNumbers, @AuthenticationPrincipal WebcareUser me,
                    RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            List<Long> chosen = new ArrayList<>(caseIds == null ? List.of() : caseIds);
            chosen.addAll(caseNumbers(caseNumbers));
            redirect.addFlashAttribute("added", incidents.addCases(id, chosen, actor(me)).size());
        });
    }

    @PostMapping("/incidents/{id}/cases/{caseId}/remove")
    String removeCase(@PathVariable long id, @PathVariable long caseId, @AuthenticationPrincipal WebcareUser me,
                      RedirectAttributes redirect) {
        return act(id, redirect, () -> incidents.removeCase(id, caseId, actor(me)));
    }

    /** Who the statement would reach now, with the send button for team leads. */
    @GetMapping("/incidents/{id}/preview")
    String preview(@PathVariable long id, @RequestParam(defaultValue = "holding") String kind,
                   @AuthenticationPrincipal WebcareUser me, Model model) {
        StatementKind statement = "resolution".equals(kind) ? StatementKind.RESOLUTION : StatementKind.HOLDING;
        model.addAttribute("incidentId", id);
        try {
            model.addAttribute("preview", bulkReplies.preview(id, statement, sender(me)));
        } catch (ConflictException e) {
            model.addAttribute("error", message(e));
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "incidents/incident :: preview";
    }

    @PostMapping("/incidents/{id}/holding-statement/send")
    @PreAuthorize("hasRole('LEAD')")
    String sendHolding(@PathVariable long id, @AuthenticationPrincipal WebcareUser me, RedirectAttributes redirect) {
        return act(id, redirect, () -> report(redirect, bulkReplies.send(id, StatementKind.HOLDING, sender(me))));
    }

    @PostMapping("/incidents/{id}/resolve")
    @PreAuthorize("hasRole('LEAD')")
    String resolve(@PathVariable long id, @RequestParam(defaultValue = "") String statement,
                   @RequestParam(defaultValue = "false") boolean resolveCases, @AuthenticationPrincipal WebcareUser me,
                   RedirectAttributes redirect) {
        redirect.addFlashAttribute("draftResolution", statement);
        return act(id, redirect, () -> report(redirect, bulkReplies.resolve(id, statement, resolveCases, sender(me))));
    }

    @PostMapping("/incidents/{id}/resolution-statement/send")
    @PreAuthorize("hasRole('LEAD')")
    String sendResolution(@PathVariable long id, @AuthenticationPrincipal WebcareUser me, RedirectAttributes redirect) {
        return act(id, redirect, () -> report(redirect, bulkReplies.send(id, StatementKind.RESOLUTION, sender(me))));
    }

    @PostMapping("/incidents/{id}/delete")
    @PreAuthorize("hasRole('LEAD')")
    String delete(@PathVariable long id, @AuthenticationPrincipal WebcareUser me, RedirectAttributes redirect) {
        try {
            incidents.delete(id, actor(me));
            return "redirect:/incidents";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", message(e));
            return "redirect:/incidents/" + id;
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** Runs a change and comes back to the incident's page, with the reason when it was refused. */
    private String act(long id, RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
        } catch (IllegalArgumentException | ConflictException e) {
            redirect.addFlashAttribute("error", message(e));
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/incidents/" + id;
    }

    private static void report(RedirectAttributes redirect, SendReport report) {
        redirect.addFlashAttribute("sentCount", report.sent().size());
        redirect.addFlashAttribute("alreadySent", report.alreadySent());
        redirect.addFlashAttribute("refusedCount", report.refused().size());
        redirect.addFlashAttribute("sentKind", report.kind().json());
    }

    private org.webcare.incidents.IncidentDetails details(long id) {
        try {
            return incidents.details(id);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static Duration period(String period) {
        if (!PERIODS.contains(period)) {
            throw new IllegalArgumentException("period: choose one of the periods offered");
        }
        return Duration.parse(period);
    }

    /** "12, #15 18" → 12, 15, 18: agents type case numbers as they see them. */
    static List<Long> caseNumbers(String text) {
        List<Long> numbers = new ArrayList<>();
        for (String part : text.split("[\\s,;]+")) {
            String number = part.startsWith("#") ? part.substring(1) : part;
            if (number.isEmpty()) {
                continue;
            }
            try {
                numbers.add(Long.parseLong(number));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("caseNumbers: '" + part + "' is not a case number");
            }
        }
        return numbers;
    }

    /** The UI shows the reason without the "field: " prefix API clients get. */
    private static String message(RuntimeException e) {
        return e.getMessage() == null ? "" : e.getMessage().replaceFirst("^[a-zA-Z]+: ", "");
    }

    private static String variables() {
        return String.join(", ", ReplyTemplates.VARIABLES.stream().map(v -> "{{" + v + "}}").toList());
    }

    private static Actor actor(WebcareUser me) {
        return Actor.user(me.id(), me.displayName());
    }

    private static Sender sender(WebcareUser me) {
        return new Sender(me.id(), me.displayName(), me.initials());
    }
}
