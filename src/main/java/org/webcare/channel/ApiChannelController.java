package org.webcare.channel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.webcare.intake.Intake;
import org.webcare.intake.IntakeResult;
import org.webcare.intake.InvalidPostException;

/**
 * The webhook of every channel whose connector takes posts over HTTP (the API channel; later platforms that push):
 * the size is checked here, the signature and the payload by the connector's {@link WebhookSource}, and the posts go
 * through intake like polled ones. Authenticated by the signature instead of an API token.
 */
@RestController
class ApiChannelController {

    private final Channels channels;
    private final Connectors connectors;
    private final ChannelSettingsStore settings;
    private final Intake intake;
    private final ConnectorChannels connectorChannels;
    private final long maxBodyBytes;

    ApiChannelController(Channels channels, Connectors connectors, ChannelSettingsStore settings, Intake intake,
                         ConnectorChannels connectorChannels, @Value("${webcare.api.max-body-size:256KB}") DataSize maxBodySize) {
        this.channels = channels;
        this.connectorChannels = connectorChannels;
        this.connectors = connectors;
        this.settings = settings;
        this.intake = intake;
        this.maxBodyBytes = maxBodySize.toBytes();
    }

    @PostMapping("/api/v1/channels/{channelId}/posts")
    @Tag(name = "Channel webhook")
    @SecurityRequirements
    @Operation(summary = "Hand a customer's post to Webcare",
            description = "Signed with the channel's secret: header X-Webcare-Signature: sha256=<hex HMAC-SHA256 of the "
                    + "raw body>. The same externalId again is stored once (200, duplicate=true).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = PostRequest.class))))
    ResponseEntity<?> receive(@PathVariable String channelId, HttpServletRequest request) throws IOException {
        Long id = parseId(channelId);
        Channel channel = id == null ? null : channels.channel(id).orElse(null);
        WebhookSource webhook = channel == null ? null : connectors.of(channel.type())
                .map(connector -> connector.open(ConnectorSettings.check(connector.settings(), settings.load(channel.id()))))
                .flatMap(ChannelConnector.Connection::webhook).orElse(null);
        if (webhook == null) {
            return problem(HttpStatus.NOT_FOUND, "No channel with id '" + channelId + "' that takes posts over HTTP", null);
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            return tooLarge();
        }
        byte[] body = readAtMost(request.getInputStream(), maxBodyBytes);
        if (body == null) {
            return tooLarge();
        }
        List<ReceivedPost> received;
        try {
            received = webhook.receive(headers(request), body);
        } catch (ConnectorException.Rejected e) {
            connectorChannels.webhookRefused(channel.id(), e.getMessage());
            HttpStatus status = switch (e.reason()) {
                case SIGNATURE -> HttpStatus.UNAUTHORIZED;
                case MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
                case PAYLOAD -> HttpStatus.BAD_REQUEST;
            };
            return problem(status, e.getMessage(), e.field());
        } catch (ConnectorException e) {
            return problem(HttpStatus.BAD_REQUEST, e.getMessage(), null);
        }
        List<String> handles = channels.brand(channel.brandId()).map(Brand::handles).orElse(List.of());
        try {
            List<IntakeResult> results = new java.util.ArrayList<>();
            for (ReceivedPost post : received) {
                results.add(intake.accept(SourceRunner.inbound(channel, post, handles)));
            }
            connectorChannels.webhookTaken(channel.id(), (int) results.stream().filter(r -> !r.duplicate()).count());
            if (results.size() != 1) {
                return ResponseEntity.ok(Map.of("accepted", results.stream().filter(r -> !r.duplicate()).count(),
                        "duplicates", results.stream().filter(IntakeResult::duplicate).count()));
            }
            IntakeResult result = results.getFirst();
            Map<String, Object> answer = Map.of("id", result.postId(), "threadId", result.threadId(), "duplicate", result.duplicate());
            return result.duplicate() ? ResponseEntity.ok(answer)
                    : ResponseEntity.created(URI.create("/api/v1/posts/" + result.postId())).body(answer);
        } catch (InvalidPostException e) {
            connectorChannels.webhookRefused(channel.id(), e.getMessage());
            return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.field());
        }
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new java.util.HashMap<>();
        for (String name : java.util.Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(java.util.Locale.ROOT), java.util.Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    /** The request body, for the API documentation; parsing reads the raw JSON to name each bad field. */
    record PostRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "m-1001") String externalId,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "@jan") String authorHandle,
                       @Schema(example = "Jan Jansen") String authorName,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Mijn internet ligt er al 3 uur uit!") String text,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-11-23T16:05:00+01:00") String createdAt,
                       @Schema(example = "m-1000") String inReplyTo,
                       @Schema(allowableValues = {"public", "private"}, defaultValue = "public") String visibility,
                       @Schema(description = "the author's followers, for reach", example = "1200") Long authorFollowers,
                       @Schema(description = "whether the post replies to the brand's own post", defaultValue = "false") Boolean toBrand) {
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        return bytes.length > limit ? null : bytes;
    }

    private static Long parseId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private ResponseEntity<ProblemDetail> tooLarge() {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Body is larger than the limit of " + maxBodyBytes + " bytes", null);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
