package org.webcare.channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** REST API for brands and channels; creating them is for admins. */
@RestController
@Tag(name = "Brands and channels")
class ChannelApiController {

    private final Channels channels;

    ChannelApiController(Channels channels) {
        this.channels = channels;
    }

    @GetMapping("/api/v1/brands")
    List<Brand> brands() {
        return channels.brands();
    }

    @PostMapping("/api/v1/brands")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Brand> createBrand(@RequestBody BrandRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(channels.createBrand(request.name(), request.handles()));
    }

    @GetMapping("/api/v1/channels")
    List<Channel> channels() {
        return channels.channels();
    }

    @PostMapping("/api/v1/brands/{brandId}/channels")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Map<String, Object>> createChannel(@PathVariable long brandId, @RequestBody ChannelRequest request) {
        NewChannel created = channels.createChannel(brandId, ChannelType.API, request.name(), request.callbackUrl(),
                request.allowsPrivate() == null || request.allowsPrivate());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", created.channel());
        body.put("secret", created.secret());
        body.put("postsUrl", "/api/v1/channels/" + created.channel().id() + "/posts");
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    record BrandRequest(String name, List<String> handles) {
    }

    record ChannelRequest(String name, String callbackUrl, Boolean allowsPrivate) {
    }
}
