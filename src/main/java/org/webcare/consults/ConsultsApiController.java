package org.webcare.consults;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.webcare.cases.Actor;
import org.webcare.identity.WebcareUser;
import org.webcare.shared.NotFoundException;

/** REST API of consults: ask an expert about a case, follow the answers, list what is overdue. */
@RestController
@Tag(name = "Consults")
class ConsultsApiController {

    private final Consults consults;

    ConsultsApiController(Consults consults) {
        this.consults = consults;
    }

    @PostMapping("/api/v1/cases/{id}/consults")
    @Operation(summary = "Ask an expert (any colleague, by e-mail address) a question about a case",
            description = "Give dueAt (ISO time) or dueIn (ISO duration such as PT4H). The expert gets an e-mail with the "
                    + "question, the customer's messages and an answer link, in the language of Accept-Language (en, nl); "
                    + "the case waits in pending-internal until the last open consult is answered")
    ResponseEntity<Consult> ask(@PathVariable long id, @RequestBody AskRequest request, @AuthenticationPrincipal WebcareUser me) {
        Consult asked = consults.ask(id, request.expertEmail(), request.question(),
                consults.dueFrom(request.dueAt(), request.dueIn()), LocaleContextHolder.getLocale(),
                Actor.user(me.id(), me.displayName()));
        return ResponseEntity.created(URI.create("/api/v1/consults/" + asked.id())).body(asked);
    }

    @GetMapping("/api/v1/cases/{id}/consults")
    @Operation(summary = "A case's consults, oldest first, with the time waited on the expert (waitedMinutes) once answered")
    List<Consult> ofCase(@PathVariable long id) {
        return consults.ofCase(id);
    }

    @GetMapping("/api/v1/consults")
    @Operation(summary = "Open consults of all cases, soonest due first; overdue=true: only those past their due time")
    List<Consult> open(@RequestParam(defaultValue = "false") boolean overdue) {
        return consults.open(overdue);
    }

    @GetMapping("/api/v1/consults/{consultId}")
    Consult one(@PathVariable long consultId) {
        return consults.find(consultId).orElseThrow(() -> new NotFoundException("consult: no consult with id " + consultId));
    }

    @PostMapping("/api/v1/cases/{id}/consults/{consultId}/cancel")
    @Operation(summary = "Withdraw an open question; its answer link stops working")
    Consult cancel(@PathVariable long id, @PathVariable long consultId, @AuthenticationPrincipal WebcareUser me) {
        return consults.cancel(id, consultId, Actor.user(me.id(), me.displayName()));
    }

    record AskRequest(String expertEmail, String question, String dueAt, String dueIn) {
    }
}
