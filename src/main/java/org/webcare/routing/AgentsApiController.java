package org.webcare.routing;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.webcare.identity.WebcareUser;

/** REST API of agents: status, load, capacity and skills. Agents set their own status; team leads set the rest. */
@RestController
@Tag(name = "Agents")
class AgentsApiController {

    private final Agents agents;

    AgentsApiController(Agents agents) {
        this.agents = agents;
    }

    @GetMapping("/api/v1/agents")
    @Operation(summary = "Every user with status, load (active assigned cases), capacity, languages, topics and queues")
    List<Agent> all() {
        return agents.all();
    }

    @GetMapping("/api/v1/agents/me")
    Agent me(@AuthenticationPrincipal WebcareUser me) {
        return agents.get(me.id());
    }

    @GetMapping("/api/v1/agents/{id}")
    Agent agent(@PathVariable long id) {
        return agents.get(id);
    }

    @PutMapping("/api/v1/agents/me/status")
    @Operation(summary = "Set your own status: available, away or offline",
            description = "Only available agents get cases; becoming available hands out cases waiting in your queues")
    Agent myStatus(@RequestBody StatusRequest request, @AuthenticationPrincipal WebcareUser me) {
        return agents.setStatus(me.id(), status(request));
    }

    @PutMapping("/api/v1/agents/{id}/status")
    @PreAuthorize("hasRole('LEAD') or #id == principal.id")
    @Operation(summary = "Set an agent's status (team leads; agents only their own)")
    Agent status(@PathVariable long id, @RequestBody StatusRequest request) {
        return agents.setStatus(id, status(request));
    }

    @PutMapping("/api/v1/agents/{id}/settings")
    @PreAuthorize("hasRole('LEAD')")
    @Operation(summary = "Set an agent's capacity (null: the default), languages (ISO 639-1; empty: any) and topics (team leads)")
    Agent settings(@PathVariable long id, @RequestBody SettingsRequest request) {
        return agents.configure(id, request.capacity(), request.languages(), request.topics());
    }

    private static AgentStatus status(StatusRequest request) {
        if (request == null || request.status() == null) {
            throw new IllegalArgumentException("status: is required (available, away, offline)");
        }
        return AgentStatus.parse(request.status());
    }

    record StatusRequest(String status) {
    }

    record SettingsRequest(Integer capacity, List<String> languages, List<String> topics) {
    }
}
