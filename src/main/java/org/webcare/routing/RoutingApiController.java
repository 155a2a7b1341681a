package org.webcare.routing;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.webcare.shared.NotFoundException;

/**
 * REST API of routing: queues and their members, routing rules and their order, the rule tester, where a case was
 * routed, and customer tags. Reading is open to every user; changing queues and rules takes a team lead.
 */
@RestController
@Tag(name = "Routing")
class RoutingApiController {

    private static final String LEAD = "hasRole('LEAD')";

    private final Queues queues;
    private final RoutingRules rules;
    private final RoutingTester tester;
    private final CaseRouting routing;
    private final CustomerTags tags;

    RoutingApiController(Queues queues, RoutingRules rules, RoutingTester tester, CaseRouting routing, CustomerTags tags) {
        this.queues = queues;
        this.rules = rules;
        this.tester = tester;
        this.routing = routing;
        this.tags = tags;
    }

    @GetMapping("/api/v1/routing/queues")
    @Operation(summary = "Queues with their members, of one brand or all")
    List<Queue> queues(@RequestParam(required = false) Long brand) {
        return brand == null ? queues.all() : queues.ofBrand(brand);
    }

    @GetMapping("/api/v1/routing/queues/{id}")
    Queue queue(@PathVariable long id) {
        return queues.get(id);
    }

    @PostMapping("/api/v1/routing/queues")
    @PreAuthorize(LEAD)
    @Operation(summary = "Add a queue (team leads)", description = "strategy: manual (default), round-robin or load-balanced; "
            + "isDefault: cases of the brand that match no rule go here")
    ResponseEntity<Queue> createQueue(@RequestBody QueueRequest request) {
        if (request.brandId() == null) {
            throw new IllegalArgumentException("brandId: is required");
        }
        Queue created = queues.create(request.brandId(), request.name(), request.team(), strategy(request.strategy()),
                Boolean.TRUE.equals(request.isDefault()), request.memberIds());
        return ResponseEntity.created(URI.create("/api/v1/routing/queues/" + created.id())).body(created);
    }

    @PutMapping("/api/v1/routing/queues/{id}")
    @PreAuthorize(LEAD)
    @Operation(summary = "Change a queue's name, team, strategy, default mark and (when memberIds is given) members (team leads)",
            description = "Fields left out keep their value")
    Queue updateQueue(@PathVariable long id, @RequestBody QueueRequest request) {
        Queue current = queues.get(id);
        return queues.update(id, request.name() == null ? current.name() : request.name(),
                request.team() == null ? current.team() : request.team(),
                request.strategy() == null ? current.strategy() : Strategy.parse(request.strategy()),
                request.isDefault() == null ? current.isDefault() : request.isDefault(), request.memberIds());
    }

    @DeleteMapping("/api/v1/routing/queues/{id}")
    @PreAuthorize(LEAD)
    @Operation(summary = "Remove a queue no rule sends cases to (team leads); its waiting cases become unrouted")
    ResponseEntity<Void> removeQueue(@PathVariable long id) {
        queues.remove(id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/v1/routing/queues/{id}/members")
    @PreAuthorize(LEAD)
    @Operation(summary = "Make these users the queue's members (team leads)")
    Queue members(@PathVariable long id, @RequestBody MembersRequest request) {
        return queues.setMembers(id, request.userIds());
    }

    @PostMapping("/api/v1/routing/queues/{id}/members")
    @PreAuthorize(LEAD)
    Queue addMember(@PathVariable long id, @RequestBody MemberRequest request) {
        if (request.userId() == null) {
            throw new IllegalArgumentException("userId: is required");
        }
        return queues.addMember(id, request.userId());
    }

    @DeleteMapping("/api/v1/routing/queues/{id}/members/{userId}")
    @PreAuthorize(LEAD)
    Queue removeMember(@PathVariable long id, @PathVariable long userId) {
        return queues.removeMember(id, userId);
    }

    @GetMapping("/api/v1/routing/rules")
    @Operation(summary = "A brand's routing rules in the order they are tried; the first that matches wins")
    List<RoutingRule> rules(@RequestParam long brand) {
        return rules.ofBrand(brand);
    }

    @GetMapping("/api/v1/routing/rules/{id}")
    RoutingRule rule(@PathVariable long id) {
        return rules.get(id);
    }

    @PostMapping("/api/v1/routing/rules")
    @PreAuthorize(LEAD)
    @Operation(summary = "Add a rule after the brand's others (team leads)",
            description = "All conditions are optional; all that are given must hold. Lists hold when the case has any "
                    + "of their values. languages: ISO 639-1; intents: question, complaint, compliment, lead, urgent, "
                    + "cancel, spam; sentiment: negative, neutral, positive; maxPriority: 1 (critical) to 5")
    ResponseEntity<RoutingRule> createRule(@RequestBody RuleRequest request) {
        if (request.brandId() == null) {
            throw new IllegalArgumentException("brandId: is required");
        }
        RoutingRule created = rules.create(request.brandId(), request.draft());
        return ResponseEntity.created(URI.create("/api/v1/routing/rules/" + created.id())).body(created);
    }

    @PutMapping("/api/v1/routing/rules/{id}")
    @PreAuthorize(LEAD)
    @Operation(summary = "Change a rule: its name, queue and every condition (team leads)")
    RoutingRule updateRule(@PathVariable long id, @RequestBody RuleRequest request) {
        return rules.update(id, request.draft());
    }

    @DeleteMapping("/api/v1/routing/rules/{id}")
    @PreAuthorize(LEAD)
    ResponseEntity<Void> removeRule(@PathVariable long id) {
        rules.remove(id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/v1/routing/rules/order")
    @PreAuthorize(LEAD)
    @Operation(summary = "Put a brand's rules in a new order: ruleIds names each of them once (team leads)")
    List<RoutingRule> reorder(@RequestBody OrderRequest request) {
        if (request.brandId() == null) {
            throw new IllegalArgumentException("brandId: is required");
        }
        return rules.reorder(request.brandId(), request.ruleIds());
    }

    @PostMapping("/api/v1/routing/test")
    @Operation(summary = "Try the rules with a sample post: nothing is stored",
            description = "Runs analysis and listening as intake would, and answers which rule matched (and why the "
                    + "rules before it did not), the queue, and who would get the case now")
    RoutingTrial test(@RequestBody SamplePost sample) {
        return tester.test(sample);
    }

    @GetMapping("/api/v1/cases/{id}/routing")
    @Operation(summary = "Where a case was routed: its queue and the rule that sent it there")
    CaseRoute caseRoute(@PathVariable long id) {
        return routing.of(id).orElseThrow(() -> new NotFoundException("routing: case " + id + " was never routed"));
    }

    @PostMapping("/api/v1/cases/{id}/routing")
    @PreAuthorize(LEAD)
    @Operation(summary = "Route a case again by the current rules (team leads)")
    CaseRoute reroute(@PathVariable long id) {
        return routing.reroute(id);
    }

    @GetMapping("/api/v1/routing/customer-tags")
    @Operation(summary = "A customer's tags: per brand and author handle")
    TagsResponse customerTags(@RequestParam long brandId, @RequestParam String handle) {
        return new TagsResponse(brandId, handle, tags.of(brandId, handle));
    }

    @PutMapping("/api/v1/routing/customer-tags")
    @Operation(summary = "Set a customer's tags (letters, digits, - and _), e.g. vip or journalist")
    TagsResponse setCustomerTags(@RequestBody TagsRequest request) {
        if (request.brandId() == null) {
            throw new IllegalArgumentException("brandId: is required");
        }
        return new TagsResponse(request.brandId(), request.handle(), tags.set(request.brandId(), request.handle(), request.tags()));
    }

    private static Strategy strategy(String value) {
        return value == null || value.isBlank() ? Strategy.MANUAL : Strategy.parse(value);
    }

    record QueueRequest(Long brandId, String name, String team, String strategy, Boolean isDefault, List<Long> memberIds) {
    }

    record MembersRequest(List<Long> userIds) {
    }

    record MemberRequest(Long userId) {
    }

    record RuleRequest(Long brandId, String name, Long queueId, List<Long> channelIds, List<String> languages,
                       List<String> intents, List<Long> queryIds, String sentiment, Integer maxPriority,
                       List<String> customerTags) {

        RuleDraft draft() {
            return new RuleDraft(name, queueId, channelIds, languages, intents, queryIds, sentiment, maxPriority, customerTags);
        }
    }

    record OrderRequest(Long brandId, List<Long> ruleIds) {
    }

    record TagsRequest(Long brandId, String handle, List<String> tags) {
    }

    record TagsResponse(long brandId, String handle, List<String> tags) {
    }
}
