package org.webcare.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.channel.Brand;
import org.webcare.channel.Channel;
import org.webcare.channel.Channels;
import org.webcare.intake.Post;
import org.webcare.intake.Posts;

/**
 * Saved replies per brand. Variables are written {@code {{customer.name}}}; a template with a variable that is not
 * known is refused when it is saved, so rendering never meets one. Rendering produces plain text, never HTML.
 */
@Service
public class ReplyTemplates {

    public static final int MAX_NAME_LENGTH = 120;
    public static final int MAX_TEXT_LENGTH = 5_000;

    /** The variables a template may use, in the order the help text lists them. */
    public static final List<String> VARIABLES = List.of("customer.name", "customer.handle", "agent.name",
            "agent.initials", "case.number", "brand.name");

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final JdbcClient jdbc;
    private final Channels channels;
    private final Posts posts;

    ReplyTemplates(JdbcClient jdbc, Channels channels, Posts posts) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.posts = posts;
    }

    @Transactional
    public ReplyTemplate create(long brandId, String name, String text, String language) {
        channels.brand(brandId).orElseThrow(() -> new IllegalArgumentException("brandId: no brand with id " + brandId));
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            throw new IllegalArgumentException("name: a template needs a name");
        }
        if (cleanName.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name: is longer than " + MAX_NAME_LENGTH + " characters");
        }
        String cleanText = text == null ? "" : text.strip();
        if (cleanText.isEmpty()) {
            throw new IllegalArgumentException("text: a template needs text");
        }
        if (cleanText.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("text: is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        List<String> unknown = unknownVariables(cleanText);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("text: unknown variable" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; known are " + String.join(", ", VARIABLES.stream().map(v -> "{{" + v + "}}").toList()));
        }
        String cleanLanguage = language == null || language.isBlank() ? null : language.strip().toLowerCase(Locale.ROOT);
        if (cleanLanguage != null && !LANGUAGE.matcher(cleanLanguage).matches()) {
            throw new IllegalArgumentException("language: must be a language code such as 'nl' or 'en', got '" + language + "'");
        }
        if (list(brandId).stream().anyMatch(t -> t.name().equalsIgnoreCase(cleanName))) {
            throw new IllegalArgumentException("name: this brand already has a template named '" + cleanName + "'");
        }
        try {
            return jdbc.sql("""
                            insert into reply_template (brand_id, name, text, language) values (?, ?, ?, ?)
                            returning *
                            """)
                    .params(brandId, cleanName, cleanText, cleanLanguage).query(ReplyTemplates::row).single();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("name: this brand already has a template named '" + cleanName + "'");
        }
    }

    public List<ReplyTemplate> list(long brandId) {
        return jdbc.sql("select * from reply_template where brand_id = ? order by lower(name), id")
                .param(brandId).query(ReplyTemplates::row).list();
    }

    /**
     * The brand's templates whose name or text contains every word of the query, ignoring case and accents
     * ({@code "excuses"} finds "Éxcuses"); names that match come first. A blank query gives them all.
     */
    public List<ReplyTemplate> search(long brandId, String query) {
        List<String> words = query == null ? List.of()
                : java.util.Arrays.stream(fold(query).split("\\s+")).filter(w -> !w.isEmpty()).toList();
        List<ReplyTemplate> all = list(brandId);
        if (words.isEmpty()) {
            return all;
        }
        var inName = new java.util.ArrayList<ReplyTemplate>();
        var inText = new java.util.ArrayList<ReplyTemplate>();
        for (ReplyTemplate template : all) {
            String name = fold(template.name());
            String both = name + "\n" + fold(template.text());
            if (words.stream().allMatch(both::contains)) {
                (words.stream().allMatch(name::contains) ? inName : inText).add(template);
            }
        }
        inName.addAll(inText);
        return inName;
    }

    public Optional<ReplyTemplate> find(long templateId) {
        return jdbc.sql("select * from reply_template where id = ?").param(templateId).query(ReplyTemplates::row).optional();
    }

    /** @return false when there was no such template */
    @Transactional
    public boolean remove(long templateId) {
        return jdbc.sql("delete from reply_template where id = ?").param(templateId).update() > 0;
    }

    /** The template's text with its variables filled in, as plain text. */
    public String render(long templateId, TemplateContext context) {
        ReplyTemplate template = find(templateId)
                .orElseThrow(() -> new IllegalArgumentException("templateId: no template with id " + templateId));
        return render(template.text(), context);
    }

    /**
     * Renders a template for a reply to a post: the customer is the post's author, the agent the one replying.
     * The post must be of the template's brand.
     */
    public String renderFor(long templateId, long postId, String agentName, String agentInitials) {
        ReplyTemplate template = find(templateId)
                .orElseThrow(() -> new IllegalArgumentException("templateId: no template with id " + templateId));
        Post post = posts.find(postId).orElseThrow(() -> new IllegalArgumentException("post: no post with id " + postId));
        Channel channel = channels.channel(post.channelId()).orElseThrow();
        if (channel.brandId() != template.brandId()) {
            throw new IllegalArgumentException("post: is not a post of the template's brand");
        }
        return render(template.text(), contextFor(post, channel, agentName, agentInitials));
    }

    /** The context for a reply to a post; the case number is that of the post's case (the thread's id when it has none). */
    public TemplateContext contextFor(Post post, String agentName, String agentInitials) {
        return contextFor(post, channels.channel(post.channelId()).orElseThrow(), agentName, agentInitials);
    }

    private TemplateContext contextFor(Post post, Channel channel, String agentName, String agentInitials) {
        String handle = post.authorHandle();
        String name = post.authorName() != null && !post.authorName().isBlank() ? post.authorName().strip()
                : handle == null ? "" : handle.startsWith("@") ? handle.substring(1) : handle;
        String brand = channels.brand(channel.brandId()).map(Brand::name).orElse(channel.brandName());
        String caseNumber = jdbc.sql("select case_id from case_post where post_id = ?").param(post.id()).query(Long.class)
                .optional().orElse(post.threadId()).toString();
        return new TemplateContext(name, handle, agentName, agentInitials, caseNumber, brand);
    }

    /**
     * A text with template variables (a template's, or an incident's statement) filled in, as plain text. Unknown
     * variables are refused when such a text is saved (see {@link #unknownVariables}).
     */
    public static String render(String text, TemplateContext context) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(context.value(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The variables in a text that templates do not know, as written ({@code {{klant.naam}}}); empty when all are known. */
    public static List<String> unknownVariables(String text) {
        Set<String> unknown = new LinkedHashSet<>();
        for (String variable : variables(text)) {
            if (!VARIABLES.contains(variable)) {
                unknown.add("{{" + variable + "}}");
            }
        }
        return List.copyOf(unknown);
    }

    static List<String> variables(String text) {
        return VARIABLE.matcher(text).results().map(m -> m.group(1)).distinct().toList();
    }

    /** Lower case without accents: "Crème" becomes "creme". */
    static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
    }

    private static ReplyTemplate row(ResultSet rs, int n) throws SQLException {
        return new ReplyTemplate(rs.getLong("id"), rs.getLong("brand_id"), rs.getString("name"), rs.getString("text"),
                rs.getString("language"), rs.getTimestamp("created_at").toInstant());
    }
}
