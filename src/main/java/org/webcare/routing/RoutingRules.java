package org.webcare.routing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.channel.Channel;
import org.webcare.channel.Channels;
import org.webcare.listening.SavedQueries;
import org.webcare.listening.SavedQuery;
import org.webcare.shared.Intent;
import org.webcare.shared.NotFoundException;
import org.webcare.shared.SentimentLabel;

/**
 * A brand's routing rules, in the order they are tried. Every field is checked when saved: the queue and channels must
 * be the brand's, the queries must exist. A rule without conditions takes every case that reaches it.
 */
@Service
public class RoutingRules {

    static final int MAX_NAME_LENGTH = 120;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final String SELECT = """
            select r.*, q.name as queue_name from routing_rule r join routing_queue q on q.id = r.queue_id
            """;

    private final JdbcClient jdbc;
    private final Queues queues;
    private final Channels channels;
    private final SavedQueries savedQueries;

    RoutingRules(JdbcClient jdbc, Queues queues, Channels channels, SavedQueries savedQueries) {
        this.jdbc = jdbc;
        this.queues = queues;
        this.channels = channels;
        this.savedQueries = savedQueries;
    }

    /** The brand's rules in the order they are tried. */
    public List<RoutingRule> ofBrand(long brandId) {
        return jdbc.sql(SELECT + " where r.brand_id = ? order by r.position, r.id").param(brandId)
                .query(RoutingRules::map).list();
    }

    public Optional<RoutingRule> find(long id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id).query(RoutingRules::map).optional();
    }

    public RoutingRule get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("rule: no routing rule with id " + id));
    }

    /** Adds a rule after the brand's others. */
    @Transactional
    public RoutingRule create(long brandId, RuleDraft draft) {
        if (channels.brand(brandId).isEmpty()) {
            throw new IllegalArgumentException("brandId: no brand with id " + brandId);
        }
        lockBrand(brandId);
        Checked checked = check(brandId, draft);
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from routing_rule where brand_id = ?").param(brandId)
                .query(Integer.class).single();
        long id = jdbc.sql("""
                        insert into routing_rule (brand_id, queue_id, name, position, channel_ids, languages, intents,
                                                  query_ids, sentiment, max_priority, customer_tags)
                        values (:brand, :queue, :name, :position, cast(:channels as bigint[]), cast(:languages as text[]),
                                cast(:intents as text[]), cast(:queries as bigint[]), :sentiment, :maxPriority,
                                cast(:tags as text[]))
                        returning id""")
                .paramSource(checked.params().addValue("brand", brandId).addValue("position", position))
                .query(Long.class).single();
        return get(id);
    }

    @Transactional
    public RoutingRule update(long id, RuleDraft draft) {
        RoutingRule current = get(id);
        lockBrand(current.brandId());
        Checked checked = check(current.brandId(), draft);
        jdbc.sql("""
                        update routing_rule set queue_id = :queue, name = :name, channel_ids = cast(:channels as bigint[]),
                               languages = cast(:languages as text[]), intents = cast(:intents as text[]),
                               query_ids = cast(:queries as bigint[]), sentiment = :sentiment, max_priority = :maxPriority,
                               customer_tags = cast(:tags as text[])
                        where id = :id""")
                .paramSource(checked.params().addValue("id", id)).update();
        return get(id);
    }

    @Transactional
    public void remove(long id) {
        RoutingRule current = get(id);
        lockBrand(current.brandId());
        jdbc.sql("delete from routing_rule where id = ?").param(id).update();
        renumber(current.brandId(), ofBrand(current.brandId()).stream().map(RoutingRule::id).toList());
    }

    /** Puts the brand's rules in this order; it must name each of them once. */
    @Transactional
    public List<RoutingRule> reorder(long brandId, List<Long> ruleIds) {
        lockBrand(brandId);
        List<Long> current = ofBrand(brandId).stream().map(RoutingRule::id).toList();
        if (ruleIds == null || ruleIds.size() != current.size() || !new HashSet<>(ruleIds).equals(new HashSet<>(current))) {
            throw new IllegalArgumentException("ruleIds: must name each of the brand's rules once: " + current);
        }
        renumber(brandId, ruleIds);
        return ofBrand(brandId);
    }

    /** Moves a rule one place earlier ({@code -1}) or later ({@code 1}). */
    @Transactional
    public List<RoutingRule> move(long id, int by) {
        RoutingRule rule = get(id);
        lockBrand(rule.brandId());
        List<Long> order = new ArrayList<>(ofBrand(rule.brandId()).stream().map(RoutingRule::id).toList());
        int from = order.indexOf(id);
        int to = Math.max(0, Math.min(order.size() - 1, from + Integer.signum(by)));
        order.add(to, order.remove(from));
        renumber(rule.brandId(), order);
        return ofBrand(rule.brandId());
    }

    /** Rules of one brand change one at a time, so positions stay a clean sequence. */
    private void lockBrand(long brandId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("routing-rules:" + brandId)
                .query((rs, n) -> null).list();
    }

    private void renumber(long brandId, List<Long> order) {
        for (int i = 0; i < order.size(); i++) {
            jdbc.sql("update routing_rule set position = ? where id = ? and brand_id = ?").params(i + 1, order.get(i), brandId).update();
        }
    }

    private Checked check(long brandId, RuleDraft draft) {
        if (draft == null) {
            throw new IllegalArgumentException("rule: is required");
        }
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name: is required, at most " + MAX_NAME_LENGTH + " characters");
        }
        if (draft.queueId() == null) {
            throw new IllegalArgumentException("queueId: is required");
        }
        Queue queue = queues.find(draft.queueId())
                .orElseThrow(() -> new IllegalArgumentException("queueId: no queue with id " + draft.queueId()));
        if (queue.brandId() != brandId) {
            throw new IllegalArgumentException("queueId: queue '" + queue.name() + "' belongs to another brand");
        }
        List<Long> channelIds = distinct(draft.channelIds());
        Set<Long> brandChannels = new HashSet<>(channels.channels().stream().filter(c -> c.brandId() == brandId).map(Channel::id).toList());
        for (Long channelId : channelIds) {
            if (!brandChannels.contains(channelId)) {
                throw new IllegalArgumentException("channelIds: the brand has no channel with id " + channelId);
            }
        }
        List<String> languages = new ArrayList<>();
        for (String language : distinct(draft.languages())) {
            String code = language.strip().toLowerCase(Locale.ROOT);
            if (!LANGUAGE.matcher(code).matches()) {
                throw new IllegalArgumentException("languages: '" + language + "' is not an ISO 639-1 code such as nl or en");
            }
            if (!languages.contains(code)) {
                languages.add(code);
            }
        }
        List<Intent> intents = new ArrayList<>();
        for (String intent : distinct(draft.intents())) {
            try {
                Intent parsed = Intent.parse(intent);
                if (!intents.contains(parsed)) {
                    intents.add(parsed);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("intents: '" + intent + "' is not one of "
                        + Arrays.stream(Intent.values()).map(Intent::json).toList());
            }
        }
        List<Long> queryIds = distinct(draft.queryIds());
        Set<Long> saved = new HashSet<>(savedQueries.all().stream().map(SavedQuery::id).toList());
        for (Long queryId : queryIds) {
            if (!saved.contains(queryId)) {
                throw new IllegalArgumentException("queryIds: no saved query with id " + queryId);
            }
        }
        SentimentLabel sentiment = null;
        if (draft.sentiment() != null && !draft.sentiment().isBlank()) {
            try {
                sentiment = SentimentLabel.parse(draft.sentiment());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sentiment: must be negative, neutral or positive; got '" + draft.sentiment() + "'");
            }
        }
        if (draft.maxPriority() != null && (draft.maxPriority() < 1 || draft.maxPriority() > 5)) {
            throw new IllegalArgumentException("maxPriority: must be 1 (critical) to 5 (planning), got " + draft.maxPriority());
        }
        List<String> tags = CustomerTags.normalise("customerTags", draft.customerTags());
        return new Checked(name, queue.id(), channelIds, languages, intents, queryIds, sentiment, draft.maxPriority(), tags);
    }

    private static <T> List<T> distinct(List<T> values) {
        if (values == null) {
            return List.of();
        }
        if (values.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("conditions: lists must not hold null");
        }
        return List.copyOf(new LinkedHashSet<>(values));
    }

    private static RoutingRule map(ResultSet rs, int row) throws SQLException {
        String sentiment = rs.getString("sentiment");
        Conditions conditions = new Conditions(longs(rs.getArray("channel_ids")), strings(rs.getArray("languages")),
                strings(rs.getArray("intents")).stream().map(Intent::valueOf).toList(), longs(rs.getArray("query_ids")),
                sentiment == null ? null : SentimentLabel.valueOf(sentiment), rs.getObject("max_priority", Integer.class),
                strings(rs.getArray("customer_tags")));
        return new RoutingRule(rs.getLong("id"), rs.getLong("brand_id"), rs.getLong("queue_id"), rs.getString("queue_name"),
                rs.getString("name"), rs.getInt("position"), conditions);
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    static List<Long> longs(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(v -> ((Number) v).longValue()).toList();
    }

    private record Checked(String name, long queueId, List<Long> channelIds, List<String> languages, List<Intent> intents,
                           List<Long> queryIds, SentimentLabel sentiment, Integer maxPriority, List<String> tags) {

        org.springframework.jdbc.core.namedparam.MapSqlParameterSource params() {
            return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                    .addValue("queue", queueId).addValue("name", name)
                    .addValue("channels", channelIds.toArray(Long[]::new))
                    .addValue("languages", languages.toArray(String[]::new))
                    .addValue("intents", intents.stream().map(Intent::name).toArray(String[]::new))
                    .addValue("queries", queryIds.toArray(Long[]::new))
                    .addValue("sentiment", sentiment == null ? null : sentiment.name(), java.sql.Types.VARCHAR)
                    .addValue("maxPriority", maxPriority, java.sql.Types.INTEGER)
                    .addValue("tags", tags.toArray(String[]::new));
        }
    }
}
