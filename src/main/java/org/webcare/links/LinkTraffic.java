package org.webcare.links;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.channel.Brand;
import org.webcare.channel.Channel;
import org.webcare.channel.Channels;

/** Reports of tracked links: links made and clicks per brand, channel, template or link, and clicks per day. */
@Service
public class LinkTraffic {

    static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;
    private final Channels channels;
    private final ZoneId zone;

    LinkTraffic(JdbcClient jdbc, Channels channels, @Value("${webcare.time-zone:Europe/Amsterdam}") String zone) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.zone = ZoneId.of(zone);
    }

    /**
     * @param brandId only this brand's links, or null for all
     * @param channelId only this channel's links, or null for all
     */
    @Transactional(readOnly = true)
    public LinkTrafficReport report(LocalDate from, LocalDate to, Long brandId, Long channelId, LinkGrouping by) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("to: must not lie before from, got " + from + " to " + to);
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("to: a report covers at most " + MAX_DAYS + " days");
        }
        String key = switch (by) {
            case BRAND -> "l.brand_id::text";
            case CHANNEL -> "l.channel_id::text";
            case TEMPLATE -> "coalesce(l.template_id::text, '')";
            case LINK -> "l.target_url";
        };
        String narrow = (brandId == null ? "" : " and l.brand_id = :brand") + (channelId == null ? "" : " and l.channel_id = :channel");
        var statement = jdbc.sql("""
                        with made as (
                            select %1$s as key, count(*) as links, max(l.template_name) as template
                            from tracked_link l
                            where l.created_at >= :since and l.created_at < :until %2$s
                            group by 1),
                        clicked as (
                            select %1$s as key, sum(c.clicks) as clicks, sum(c.previews) as previews, max(l.template_name) as template
                            from tracked_link_click c join tracked_link l on l.id = c.link_id
                            where c.day between :from and :to %2$s
                            group by 1)
                        select coalesce(m.key, c.key) as key, coalesce(m.template, c.template) as template,
                               coalesce(m.links, 0) as links, coalesce(c.clicks, 0) as clicks, coalesce(c.previews, 0) as previews
                        from made m full join clicked c on c.key = m.key
                        """.formatted(key, narrow))
                .param("since", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("until", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .param("from", from).param("to", to);
        if (brandId != null) {
            statement = statement.param("brand", brandId);
        }
        if (channelId != null) {
            statement = statement.param("channel", channelId);
        }
        Function<String, String> label = labels(by);
        List<LinkTrafficReport.Row> rows = new ArrayList<>(statement.query((rs, n) -> new LinkTrafficReport.Row(
                rs.getString("key"), by == LinkGrouping.TEMPLATE ? templateLabel(rs.getString("template")) : label.apply(rs.getString("key")),
                rs.getLong("links"), rs.getLong("clicks"), rs.getLong("previews"))).list());
        rows.sort(Comparator.comparingLong(LinkTrafficReport.Row::clicks).reversed()
                .thenComparing(Comparator.comparingLong(LinkTrafficReport.Row::links).reversed())
                .thenComparing(LinkTrafficReport.Row::label));
        LinkTrafficReport.Row total = new LinkTrafficReport.Row("", "Total",
                rows.stream().mapToLong(LinkTrafficReport.Row::links).sum(),
                rows.stream().mapToLong(LinkTrafficReport.Row::clicks).sum(),
                rows.stream().mapToLong(LinkTrafficReport.Row::previews).sum());
        return new LinkTrafficReport(from, to, by, rows, total, days(from, to, narrow, brandId, channelId));
    }

    private List<LinkTrafficReport.Day> days(LocalDate from, LocalDate to, String narrow, Long brandId, Long channelId) {
        var statement = jdbc.sql("""
                        select d.day::date as day, coalesce(sum(c.clicks), 0) as clicks
                        from generate_series(cast(:from as date), cast(:to as date), interval '1 day') as d(day)
                        left join (tracked_link_click c join tracked_link l on l.id = c.link_id %s) on c.day = d.day::date
                        group by 1 order by 1""".formatted(narrow))
                .param("from", from).param("to", to);
        if (brandId != null) {
            statement = statement.param("brand", brandId);
        }
        if (channelId != null) {
            statement = statement.param("channel", channelId);
        }
        return statement.query((rs, n) -> new LinkTrafficReport.Day(rs.getObject("day", LocalDate.class), rs.getLong("clicks"))).list();
    }

    /** Links without a template are shown as such; the template's name is the one it had when the link was made. */
    private static String templateLabel(String name) {
        return name == null ? "(no template)" : name;
    }

    private Function<String, String> labels(LinkGrouping by) {
        return switch (by) {
            case BRAND -> {
                Map<String, String> names = channels.brands().stream()
                        .collect(Collectors.toMap(b -> Long.toString(b.id()), Brand::name));
                yield key -> names.getOrDefault(key, key);
            }
            case CHANNEL -> {
                Map<String, String> names = channels.channels().stream()
                        .collect(Collectors.toMap(c -> Long.toString(c.id()), Channel::label));
                yield key -> names.getOrDefault(key, key);
            }
            default -> key -> key;
        };
    }
}
