package org.webcare.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tags of a customer, kept per brand and author handle (e.g. {@code vip}, {@code journalist}); routing rules can send
 * tagged customers' cases to a queue of their own. Tags are lower case letters, digits, {@code -} and {@code _}.
 */
@Service
public class CustomerTags {

    static final int MAX_TAGS = 20;
    static final int MAX_TAG_LENGTH = 40;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_-]{1," + MAX_TAG_LENGTH + "}");

    private final JdbcClient jdbc;

    CustomerTags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> of(long brandId, String handle) {
        return jdbc.sql("select tag from customer_tag where brand_id = ? and author_handle = ? order by tag")
                .params(brandId, key(handle)).query(String.class).list();
    }

    /** Replaces the customer's tags; returns them as stored. */
    @Transactional
    public List<String> set(long brandId, String handle, List<String> tags) {
        List<String> clean = normalise("tags", tags);
        if (clean.size() > MAX_TAGS) {
            throw new IllegalArgumentException("tags: at most " + MAX_TAGS + " per customer");
        }
        requireBrand(brandId);
        String key = key(handle);
        jdbc.sql("delete from customer_tag where brand_id = ? and author_handle = ?").params(brandId, key).update();
        for (String tag : clean) {
            jdbc.sql("insert into customer_tag (brand_id, author_handle, tag) values (?, ?, ?)").params(brandId, key, tag).update();
        }
        return of(brandId, handle);
    }

    @Transactional
    public List<String> add(long brandId, String handle, String tag) {
        List<String> tags = new ArrayList<>(of(brandId, handle));
        tags.addAll(normalise("tag", List.of(tag == null ? "" : tag)));
        return set(brandId, handle, tags);
    }

    @Transactional
    public List<String> remove(long brandId, String handle, String tag) {
        jdbc.sql("delete from customer_tag where brand_id = ? and author_handle = ? and tag = ?")
                .params(brandId, key(handle), tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT)).update();
        return of(brandId, handle);
    }

    /** Lower case, trimmed, without duplicates; refuses what is not a tag, naming the field. */
    static List<String> normalise(String field, List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String tag : tags) {
            String value = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
            if (value.startsWith("#")) {
                value = value.substring(1);
            }
            if (!TAG.matcher(value).matches()) {
                throw new IllegalArgumentException(field + ": '" + abbreviate(tag) + "' is not a tag (letters, digits, - and _, at most "
                        + MAX_TAG_LENGTH + ")");
            }
            clean.add(value);
        }
        return List.copyOf(clean);
    }

    private void requireBrand(long brandId) {
        if (!jdbc.sql("select exists (select 1 from brand where id = ?)").param(brandId).query(Boolean.class).single()) {
            throw new IllegalArgumentException("brandId: no brand with id " + brandId);
        }
    }

    static String key(String handle) {
        String value = handle == null ? "" : handle.strip();
        if (value.isEmpty() || value.length() > 256) {
            throw new IllegalArgumentException("handle: is required, at most 256 characters");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String value) {
        String text = String.valueOf(value);
        return text.length() > 50 ? text.substring(0, 50) + "…" : text;
    }
}
