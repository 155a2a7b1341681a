package org.webcare.channel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
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
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.intake.IntakeResult;
import org.webcare.intake.InvalidPostException;
import org.webcare.shared.Visibility;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The API channel's webhook: a platform (or any integrator) posts customer messages here, signed with the channel's
 * secret. Authenticated by that signature instead of an API token.
 *
 * <p>Checks run cheapest and safest first: size, signature, then parsing, so an unsigned body is never parsed.
 */
@RestController
class ApiChannelController {

    private final Channels channels;
    private final Intake intake;
    private final ObjectMapper json;
    private final long maxBodyBytes;

    ApiChannelController(Channels channels, Intake intake, ObjectMapper json,
                         @Value("${webcare.api.max-body-size:256KB}") DataSize maxBodySize) {
        this.channels = channels;
        this.intake = intake;
        this.json = json;
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
        String secret = id == null ? null : channels.secret(id).orElse(null);
        if (secret == null) {
            return problem(HttpStatus.NOT_FOUND, "No channel with id '" + channelId + "'", null);
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            return tooLarge();
        }
        byte[] body = readAtMost(request.getInputStream(), maxBodyBytes);
        if (body == null) {
            return tooLarge();
        }
        if (!Signatures.matches(secret, body, request.getHeader(Signatures.HEADER))) {
            return problem(HttpStatus.UNAUTHORIZED, request.getHeader(Signatures.HEADER) == null
                    ? "Missing " + Signatures.HEADER + " header (sha256=<hex HMAC-SHA256 of the body with the channel secret>)"
                    : "Signature in " + Signatures.HEADER + " does not match the body", null);
        }
        if (request.getContentType() == null || !MediaType.parseMediaType(request.getContentType()).isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json", null);
        }
        InboundPost post;
        try {
            post = parse(id, body);
        } catch (InvalidPostException e) {
            return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.field());
        }
        try {
            IntakeResult result = intake.accept(post);
            Map<String, Object> answer = Map.of("id", result.postId(), "threadId", result.threadId(), "duplicate", result.duplicate());
            return result.duplicate() ? ResponseEntity.ok(answer)
                    : ResponseEntity.created(URI.create("/api/v1/posts/" + result.postId())).body(answer);
        } catch (InvalidPostException e) {
            return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.field());
        }
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

    private InboundPost parse(long channelId, byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidPostException("body", "is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidPostException("body", "must be a JSON object");
        }
        String visibilityText = text(root, "visibility", false);
        Visibility visibility = visibilityText == null ? Visibility.PUBLIC : Visibility.parse(visibilityText)
                .orElseThrow(() -> new InvalidPostException("visibility", "must be 'public' or 'private', got '" + visibilityText + "'"));
        JsonNode followers = root.get("authorFollowers");
        if (followers != null && !followers.isNull() && !followers.isIntegralNumber()) {
            throw new InvalidPostException("authorFollowers", "must be a whole number");
        }
        JsonNode toBrand = root.get("toBrand");
        if (toBrand != null && !toBrand.isNull() && !toBrand.isBoolean()) {
            throw new InvalidPostException("toBrand", "must be true or false");
        }
        Optional<Channel> channel = channels.channel(channelId);
        List<String> handles = channel.flatMap(c -> channels.brand(c.brandId())).map(Brand::handles).orElse(List.of());
        return new InboundPost(channelId, text(root, "externalId", true), text(root, "authorHandle", true),
                text(root, "authorName", false), text(root, "text", true), visibility,
                instant(text(root, "createdAt", true)), text(root, "inReplyTo", false),
                followers == null || followers.isNull() ? null : followers.asLong(),
                toBrand != null && toBrand.asBoolean(), handles, channel.map(c -> c.type().id()).orElse(null),
                text(root, "url", false));
    }

    private static String text(JsonNode root, String field, boolean required) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidPostException(field, "is required");
            }
            return null;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isIntegralNumber()) {
            return node.asString();
        }
        throw new InvalidPostException(field, "must be a string");
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidPostException("createdAt", "must be an ISO-8601 date-time with offset, like 2026-11-23T14:05:00+01:00, got '" + value + "'");
        }
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
