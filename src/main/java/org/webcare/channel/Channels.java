package org.webcare.channel;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Brands and the channels they own. */
@Service
public class Channels {

    private static final int MAX_NAME_LENGTH = 120;
    private static final java.util.regex.Pattern HANDLE = java.util.regex.Pattern.compile("[\\p{L}\\p{N}_.\\-]{1,64}");

    private final ChannelRepository repository;

    Channels(ChannelRepository repository) {
        this.repository = repository;
    }

    public List<Brand> brands() {
        return repository.brands();
    }

    public Optional<Brand> brand(long id) {
        return repository.brand(id);
    }

    public Optional<Brand> brandNamed(String name) {
        return repository.brandNamed(name);
    }

    @Transactional
    public Brand createBrand(String name) {
        return createBrand(name, List.of());
    }

    /**
     * @param handles the brand's handles on the platforms, with or without {@code @}
     */
    @Transactional
    public Brand createBrand(String name, List<String> handles) {
        String cleaned = name(name, "name");
        if (repository.brandNamed(cleaned).isPresent()) {
            throw new IllegalArgumentException("name: a brand named '" + cleaned + "' already exists");
        }
        return repository.insertBrand(cleaned, handles(handles));
    }

    @Transactional
    public Brand changeHandles(long brandId, List<String> handles) {
        repository.brand(brandId).orElseThrow(() -> new IllegalArgumentException("brandId: no brand with id " + brandId));
        repository.updateHandles(brandId, handles(handles));
        return repository.brand(brandId).orElseThrow();
    }

    /** Parses {@code "@Polderstroom, polderstroom_nl"} into {@code [@Polderstroom, @polderstroom_nl]}. */
    public static List<String> parseHandles(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return handles(List.of(text.split("[\\s,;]+")));
    }

    private static List<String> handles(List<String> handles) {
        List<String> cleaned = new java.util.ArrayList<>();
        for (String handle : handles == null ? List.<String>of() : handles) {
            String bare = handle.strip().replaceFirst("^@", "");
            if (bare.isEmpty()) {
                continue;
            }
            if (!HANDLE.matcher(bare).matches()) {
                throw new IllegalArgumentException("handles: '" + handle + "' is not a handle (letters, digits, _ . - up to 64)");
            }
            if (!cleaned.contains("@" + bare)) {
                cleaned.add("@" + bare);
            }
        }
        return List.copyOf(cleaned);
    }

    public List<Channel> channels() {
        return repository.channels();
    }

    public Optional<Channel> channel(long id) {
        return repository.channel(id);
    }

    public Optional<Channel> channelNamed(long brandId, String name) {
        return repository.channelNamed(brandId, name);
    }

    /**
     * Creates a channel with a fresh signing secret.
     *
     * @param callbackUrl where replies are delivered (http or https); required for {@link ChannelType#API}
     */
    @Transactional
    public NewChannel createChannel(long brandId, ChannelType type, String name, String callbackUrl, boolean allowsPrivate) {
        Brand brand = repository.brand(brandId)
                .orElseThrow(() -> new IllegalArgumentException("brandId: no brand with id " + brandId));
        String cleaned = name(name, "name");
        if (repository.channelNamed(brand.id(), cleaned).isPresent()) {
            throw new IllegalArgumentException("name: " + brand.name() + " already has a channel named '" + cleaned + "'");
        }
        String callback = callbackUrl(callbackUrl, type);
        String secret = Signatures.newSecret();
        long id = repository.insertChannel(brand.id(), type, cleaned, secret, callback, allowsPrivate && type.supportsPrivate());
        if (type == ChannelType.API) {
            repository.trackWebhooks(id);
        }
        return new NewChannel(repository.channel(id).orElseThrow(), secret);
    }

    Optional<String> secret(long channelId) {
        return repository.secret(channelId);
    }

    private static String name(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": is required");
        }
        String cleaned = value.strip();
        if (cleaned.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(field + ": is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return cleaned;
    }

    private static String callbackUrl(String value, ChannelType type) {
        if (value == null || value.isBlank()) {
            if (type == ChannelType.API) {
                throw new IllegalArgumentException("callbackUrl: is required for an API channel (replies are delivered there)");
            }
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("callbackUrl: must be an http or https URL with a host, got '" + value + "'");
            }
            return uri.toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("callbackUrl: is not a valid URL: " + e.getMessage());
        }
    }
}
