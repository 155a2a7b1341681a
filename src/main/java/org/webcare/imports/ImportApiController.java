package org.webcare.imports;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.webcare.channel.Channels;
import org.webcare.identity.WebcareUser;
import org.webcare.shared.NotFoundException;

/**
 * History imports over HTTP: the file is the request body, streamed to a temporary file (so the API's body-size limit,
 * which guards the channel webhooks, does not apply and nothing is held in memory), imported in the background and
 * followed as a job. Admins only, like setting up channels.
 */
@RestController
@Tag(name = "Imports")
@PreAuthorize("hasRole('ADMIN')")
class ImportApiController {

    private final ImportJobs jobs;
    private final Channels channels;

    ImportApiController(ImportJobs jobs, Channels channels) {
        this.jobs = jobs;
        this.channels = channels;
    }

    @PostMapping(path = "/api/v1/imports/twcs", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    @Operation(summary = "Import a Customer Support on Twitter CSV in the background",
            description = "The CSV is the body. resolveAfter (ISO-8601 duration, default PT24H, or 'off'): a conversation "
                    + "ending with the brand's reply that the customer did not continue within it is resolved as of that reply.")
    ResponseEntity<ImportJob> twcs(HttpServletRequest request, @RequestParam(required = false) String resolveAfter,
                                   @RequestParam(required = false) String fileName,
                                   @AuthenticationPrincipal WebcareUser me) throws IOException {
        Duration quiet = resolveAfter(resolveAfter);
        ImportJob job = jobs.startTwcs(request.getInputStream(), fileName, quiet, me == null ? null : me.id());
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id())).body(job);
    }

    @PostMapping(path = "/api/v1/imports/posts", consumes = {"application/x-ndjson", "application/jsonl", "text/plain",
            "application/octet-stream"})
    @Operation(summary = "Import posts (JSON Lines, one webhook body a line) into a channel in the background")
    ResponseEntity<ImportJob> posts(HttpServletRequest request, @RequestParam String channel,
                                    @RequestParam(required = false) String fileName,
                                    @AuthenticationPrincipal WebcareUser me) throws IOException {
        long channelId = channelId(channel);
        ImportJob job = jobs.startPosts(request.getInputStream(), fileName, channelId, me == null ? null : me.id());
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id())).body(job);
    }

    @GetMapping("/api/v1/imports/{id}")
    @Operation(summary = "An import's progress, and its summary once done")
    ImportJob job(@PathVariable long id) {
        return jobs.find(id).orElseThrow(() -> new NotFoundException("import: no import with id " + id));
    }

    @GetMapping("/api/v1/imports")
    @Operation(summary = "The 50 most recent imports, newest first")
    Map<String, List<ImportJob>> recent() {
        return Map.of("items", jobs.recent(50));
    }

    long channelId(String channel) {
        long id;
        try {
            id = Long.parseLong(channel.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("channel: '" + channel + "' is not a channel id");
        }
        channels.channel(id).orElseThrow(() -> new IllegalArgumentException("channel: no channel with id " + id));
        return id;
    }

    /** "off" turns resolution off; empty means the default of 24 hours. */
    static Duration resolveAfter(String value) {
        if (value == null || value.isBlank()) {
            return Duration.ofHours(24);
        }
        if (value.strip().equalsIgnoreCase("off")) {
            return null;
        }
        try {
            Duration parsed = Duration.parse(value.strip());
            if (parsed.isNegative() || parsed.isZero()) {
                throw new IllegalArgumentException("resolveAfter: must be positive, got '" + value + "'");
            }
            return parsed;
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("resolveAfter: must be an ISO-8601 duration like PT24H, or 'off', got '" + value + "'");
        }
    }
}
