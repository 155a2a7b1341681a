package org.webcare.staffing;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.shared.NotFoundException;

/**
 * The staffing advice per brand: arrivals per hour of the week over the last complete weeks, the measured handling
 * time, and Erlang C's agents for each hour. Two aggregate queries, whatever the number of posts.
 * <p>
 * An arrival is a case that received customer posts in an hour: several posts of one customer in one hour are read
 * and answered together, so they count once; a customer who writes again later (a reopened case, a follow-up) is new
 * work and counts again.
 */
@Service
public class StaffingAdvice {

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final StaffingSettings settings;
    private final OpeningHours openingHours;

    /**
     * @param calendar the opening hours another module provides (the business calendar), if any; without one, the
     *                 hours of {@code webcare.staffing.opening-hours}
     */
    @Autowired
    StaffingAdvice(JdbcClient jdbc, @Value("${webcare.time-zone:Europe/Amsterdam}") String zone,
                   StaffingSettings settings, ObjectProvider<OpeningHours> calendar) {
        this(jdbc, zone, settings, calendar.getIfUnique(() -> ConfiguredOpeningHours.parse(settings.openingHours())));
    }

    StaffingAdvice(JdbcClient jdbc, String zone, StaffingSettings settings, OpeningHours openingHours) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
        this.settings = settings;
        this.openingHours = openingHours;
    }

    public StaffingSettings settings() {
        return settings;
    }

    @Transactional(readOnly = true)
    public StaffingPlan advise(long brandId, StaffingQuery query) {
        return advise(brandId, query, Instant.now(), openingHours);
    }

    StaffingPlan advise(long brandId, StaffingQuery query, Instant now, OpeningHours hours) {
        if (!jdbc.sql("select exists (select 1 from brand where id = :id)").param("id", brandId).query(Boolean.class).single()) {
            throw new NotFoundException("No brand with id " + brandId);
        }
        // Complete weeks only: from a Monday midnight where the team is to the Monday midnight that began this week.
        LocalDate until = LocalDate.ofInstant(now, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate from = until.minusWeeks(query.weeks());
        Instant since = from.atStartOfDay(zone).toInstant();
        Instant before = until.atStartOfDay(zone).toInstant();
        long[][] arrivals = arrivals(brandId, from, since, before, query.weeks());
        HandlingTime handling = handlingTime(brandId, since, before);
        return new StaffingPlan(brandId, from, until, zone.getId(), query.weeks(), query.serviceLevel(),
                query.answerWithin(), settings.shrinkage(), settings.maxOccupancy(), handling,
                StaffingPlanner.cells(brandId, arrivals, available(from, until, now, query.weeks()), handling.perReply(), query, settings.shrinkage(),
                        settings.maxOccupancy(), hours));
    }

    private long[][] arrivals(long brandId, LocalDate from, Instant since, Instant before, int weeks) {
        long[][] arrivals = new long[weeks][StaffingPlanner.HOURS_OF_WEEK];
        // Local wall-clock hours: on the night clocks go forward 02–03 stays empty, when they go back it counts twice
        // the hour, as the team lives it. Whole local days between Mondays give the week without DST arithmetic.
        jdbc.sql("""
                        select (cast(a.local as date) - cast(:from as date)) / 7 as week,
                               cast(extract(isodow from a.local) as int) - 1 as day,
                               cast(extract(hour from a.local) as int) as hour,
                               count(*) as arrivals
                        from (select distinct cp.case_id, date_trunc('hour', p.created_at at time zone :zone) as local
                              from post p
                              join case_post cp on cp.post_id = p.id
                              join support_case c on c.id = cp.case_id
                              where c.brand_id = :brand and p.created_at >= :since and p.created_at < :before) a
                        group by 1, 2, 3
                        """)
                .param("from", from)
                .param("zone", zone.getId())
                .param("brand", brandId)
                .param("since", Timestamp.from(since))
                .param("before", Timestamp.from(before))
                .query(rs -> {
                    int week = rs.getInt("week");
                    if (week >= 0 && week < weeks) {
                        arrivals[week][rs.getInt("day") * 24 + rs.getInt("hour")] = rs.getLong("arrivals");
                    }
                });
        return arrivals;
    }

    /**
     * Agents available in each hour of the week, averaged over the weeks: an agent counts in an hour when available
     * during any part of it. From the availability log, so hours before the log began count as nobody.
     */
    private double[] available(LocalDate from, LocalDate until, Instant now, int weeks) {
        double[] available = new double[StaffingPlanner.HOURS_OF_WEEK];
        jdbc.sql("""
                        select cast(extract(isodow from h.local) as int) - 1 as day, cast(extract(hour from h.local) as int) as hour,
                               count(*) as agent_hours
                        from (select distinct s.local, a.user_id
                              from generate_series(cast(:from as timestamp), cast(:until as timestamp) - interval '1 hour',
                                                   interval '1 hour') as s(local)
                              join staffing_availability a
                                on a.available_from < (s.local + interval '1 hour') at time zone :zone
                               and coalesce(a.available_until, :now) > s.local at time zone :zone) h
                        group by 1, 2
                        """)
                .param("from", from.atStartOfDay())
                .param("until", until.atStartOfDay())
                .param("zone", zone.getId())
                .param("now", Timestamp.from(now))
                .query(rs -> {
                    available[rs.getInt("day") * 24 + rs.getInt("hour")] = rs.getDouble("agent_hours") / weeks;
                });
        return available;
    }

    /**
     * The median time an agent spent on a reply: from the later of their own last step on the case (taking it,
     * changing it, their previous reply) and the newest customer post they answer, to the reply. We do not know when
     * an agent actually starts reading (and count only replies that went out), so this overestimates when they were interrupted; gaps above the cap are left
     * out as "did something else", and the median keeps the rest from being pulled up by a few long ones.
     */
    private HandlingTime handlingTime(long brandId, Instant since, Instant before) {
        record Measured(Double medianSeconds, long replies) {
        }
        Measured measured = jdbc.sql("""
                        select percentile_cont(0.5) within group (order by g.seconds) as median, count(*) as replies
                        from (select extract(epoch from r.created_at - greatest(
                                         (select max(e.at) from case_event e
                                          where e.case_id = cp.case_id and e.actor_user_id = r.author_user_id
                                            and e.at < r.created_at),
                                         (select max(r2.created_at) from reply r2 join case_post cp2 on cp2.post_id = r2.post_id
                                          where cp2.case_id = cp.case_id and r2.author_user_id = r.author_user_id
                                            and r2.created_at < r.created_at),
                                         (select max(p.created_at) from case_post cp3 join post p on p.id = cp3.post_id
                                          where cp3.case_id = cp.case_id and p.created_at <= r.created_at))) as seconds
                              from reply r
                              join case_post cp on cp.post_id = r.post_id
                              join support_case c on c.id = cp.case_id
                              where c.brand_id = :brand and r.author_user_id is not null and r.outbound_message_id is not null
                                and r.created_at >= :since and r.created_at < :before) g
                        where g.seconds > 0 and g.seconds <= :cap
                        """)
                .param("brand", brandId)
                .param("since", Timestamp.from(since))
                .param("before", Timestamp.from(before))
                .param("cap", settings.handlingTimeCap().toSeconds())
                .query((rs, n) -> new Measured(rs.getObject("median", Double.class), rs.getLong("replies")))
                .single();
        if (measured.medianSeconds() == null || measured.replies() < settings.minimumReplies()) {
            return new HandlingTime(settings.defaultHandlingTime(), measured.replies(), false);
        }
        return new HandlingTime(Duration.ofSeconds(Math.round(measured.medianSeconds())), measured.replies(), true);
    }
}
