package org.webcare.reporting;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.webcare.channel.Brand;
import org.webcare.channel.Channels;
import org.webcare.identity.Users;
import org.webcare.identity.WebcareUser;

/**
 * A KPI report as the command line and the REST API ask for it, in text: brand by name or id, channel id, team, agent
 * by e-mail or id, from/to as an ISO date (a local date in webcare.time-zone, "to" inclusive) or an ISO instant, and
 * what the rows are per. Without from/to: the last 30 days up to and including today. Anything it cannot read is
 * refused with an {@link IllegalArgumentException} whose message starts with the parameter's name.
 */
@Component
public class KpiRequest {

    static final int DEFAULT_DAYS = 30;

    private final Channels channels;
    private final Users users;
    private final ZoneId zone;

    KpiRequest(Channels channels, Users users, KpiReports reports) {
        this.channels = channels;
        this.users = users;
        this.zone = reports.zone();
    }

    /** A parsed request: the query and what its rows are per. */
    public record Parsed(KpiQuery query, KpiDimension by) {
    }

    public Parsed parse(String brand, String channel, String team, String agent, String from, String to, String by) {
        Long brandId = blank(brand) ? null : brand(brand.strip());
        Long channelId = blank(channel) ? null : channel(channel.strip());
        String teamName = blank(team) ? null : team.strip();
        Long agentId = blank(agent) ? null : agent(agent.strip());
        LocalDate today = LocalDate.now(zone);
        Instant end = blank(to) ? today.plusDays(1).atStartOfDay(zone).toInstant() : instant("to", to.strip(), true);
        Instant start = blank(from) ? today.minusDays(DEFAULT_DAYS - 1).atStartOfDay(zone).toInstant() : instant("from", from.strip(), false);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("from: must lie before to, got " + start + " and " + end);
        }
        return new Parsed(new KpiQuery(start, end, brandId, channelId, teamName, agentId), dimension(by));
    }

    public static KpiDimension dimension(String by) {
        if (blank(by)) {
            return KpiDimension.BRAND;
        }
        try {
            return KpiDimension.valueOf(by.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("by: must be brand, channel, team or agent, got '" + by + "'");
        }
    }

    public static KpiFigure figure(String figure) {
        if (blank(figure)) {
            throw new IllegalArgumentException("figure: required (" + figures() + ")");
        }
        try {
            return KpiFigure.valueOf(figure.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("figure: must be one of " + figures() + ", got '" + figure + "'");
        }
    }

    private static String figures() {
        return String.join(", ", java.util.Arrays.stream(KpiFigure.values()).map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
    }

    private Long brand(String brand) {
        if (brand.matches("[0-9]{1,18}")) {
            long id = Long.parseLong(brand);
            if (channels.brand(id).isPresent()) {
                return id;
            }
        }
        return channels.brandNamed(brand).map(Brand::id)
                .orElseThrow(() -> new IllegalArgumentException("brand: no brand named or numbered '" + brand + "'"));
    }

    private Long channel(String channel) {
        if (!channel.matches("[0-9]{1,18}") || channels.channel(Long.parseLong(channel)).isEmpty()) {
            throw new IllegalArgumentException("channel: no channel with id '" + channel + "'");
        }
        return Long.parseLong(channel);
    }

    private Long agent(String agent) {
        if (agent.matches("[0-9]{1,18}")) {
            return Long.parseLong(agent);
        }
        return users.findByEmail(agent).map(WebcareUser::id)
                .orElseThrow(() -> new IllegalArgumentException("agent: no user with e-mail '" + agent + "'"));
    }

    /** An ISO instant as it is, or a local date: its start ("from") or the start of the next day ("to", inclusive). */
    private Instant instant(String name, String value, boolean inclusiveEnd) {
        try {
            if (value.length() <= 10) {
                LocalDate date = LocalDate.parse(value);
                return (inclusiveEnd ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(name + ": not an ISO date (2026-03-01) or instant (2026-03-01T09:00:00Z): '" + value + "'");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
