package org.webcare.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPI figures of a period: per brand, channel, team or agent, day by day, SLA compliance and breakdowns. Every
 * figure is an aggregate over the narrow measure rows of the period (see {@link KpiMeasures}), read through indexes on
 * their time columns, so the cost follows the size of the period, not of the archive. Medians and 90th percentiles
 * are exact (percentile_cont: linear interpolation between the two nearest values).
 */
@Service
public class KpiReports {

    private static final int TOP = 10;

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final ListeningDashboard listening;

    KpiReports(JdbcClient jdbc, @Value("${webcare.time-zone:Europe/Amsterdam}") String zone, ListeningDashboard listening) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
        this.listening = listening;
    }

    public ZoneId zone() {
        return zone;
    }

    @Transactional(readOnly = true)
    public KpiReport report(KpiQuery query, KpiDimension by) {
        roomToSort();
        Map<String, Figures> rows = new LinkedHashMap<>();
        Figures total = new Figures();
        Scope scope = new Scope(query, by);

        // Posts: monitored, addressed, answered, negative.
        scope.bind(jdbc.sql("""
                        select %s as k, count(*) as monitored, count(*) filter (where p.addressed) as addressed,
                               count(*) filter (where p.addressed and p.answered) as answered,
                               count(*) filter (where p.negative) as negative, grouping(%s) as all_rows
                        from kpi_post p %s
                        where p.created_at >= :from and p.created_at < :to %s
                        group by grouping sets ((%s), ())""".formatted(scope.postKey(), scope.postKey(), scope.postJoin(),
                        scope.postWhere(), scope.postKey())))
                .query((rs, n) -> {
                    Figures f = target(rs, rows, total);
                    f.monitored = rs.getLong("monitored");
                    f.addressed = rs.getLong("addressed");
                    f.answered = rs.getLong("answered");
                    f.negative = rs.getLong("negative");
                    return f;
                }).list();

        // Agent replies: reply time.
        scope.bind(jdbc.sql("""
                        select %s as k, count(*) as n,
                               percentile_cont(0.5) within group (order by r.minutes) as median,
                               percentile_cont(0.9) within group (order by r.minutes) as p90, grouping(%s) as all_rows
                        from kpi_reply r %s
                        where r.created_at >= :from and r.created_at < :to %s
                        group by grouping sets ((%s), ())""".formatted(scope.replyKey(), scope.replyKey(), scope.replyJoin(),
                        scope.replyWhere(), scope.replyKey())))
                .query((rs, n) -> {
                    Figures f = target(rs, rows, total);
                    f.replyTime = durations(rs, "n", "median", "p90", null);
                    return f;
                }).list();

        // Cases opened in the period: first response, public to private.
        scope.bind(jdbc.sql("""
                        select %s as k, count(*) as opened,
                               count(c.first_response_minutes) as n,
                               percentile_cont(0.5) within group (order by c.first_response_minutes) as median,
                               percentile_cont(0.9) within group (order by c.first_response_minutes) as p90,
                               avg(case when c.first_response_within then cast(1 as float8) else cast(0 as float8) end)
                                   filter (where c.first_response_within is not null) as within,
                               count(c.first_response_working_minutes) as wn,
                               percentile_cont(0.5) within group (order by c.first_response_working_minutes) as wmedian,
                               percentile_cont(0.9) within group (order by c.first_response_working_minutes) as wp90,
                               avg(case when c.first_response_within then cast(1 as float8) else cast(0 as float8) end)
                                   filter (where c.first_response_working_minutes is not null) as wwithin,
                               avg(case when c.public_to_private then cast(1 as float8) else cast(0 as float8) end) as public_to_private,
                               grouping(%s) as all_rows
                        from kpi_case c
                        where c.opened_at >= :from and c.opened_at < :to %s
                        group by grouping sets ((%s), ())""".formatted(scope.caseKey(), scope.caseKey(), scope.caseWhere(),
                        scope.caseKey())))
                .query((rs, n) -> {
                    Figures f = target(rs, rows, total);
                    f.casesOpened = rs.getLong("opened");
                    f.firstResponse = durations(rs, "n", "median", "p90", "within");
                    f.firstResponseWorking = rs.getLong("wn") == 0 ? null : durations(rs, "wn", "wmedian", "wp90", "wwithin");
                    f.publicToPrivate = (Double) rs.getObject("public_to_private", Double.class);
                    return f;
                }).list();

        // Cases resolved in the period: resolution.
        scope.bind(jdbc.sql("""
                        select %s as k, count(*) as n,
                               percentile_cont(0.5) within group (order by c.resolution_minutes) as median,
                               percentile_cont(0.9) within group (order by c.resolution_minutes) as p90,
                               avg(case when c.resolution_within then cast(1 as float8) else cast(0 as float8) end) as within,
                               count(c.resolution_working_minutes) as wn,
                               percentile_cont(0.5) within group (order by c.resolution_working_minutes) as wmedian,
                               percentile_cont(0.9) within group (order by c.resolution_working_minutes) as wp90,
                               avg(case when c.resolution_within then cast(1 as float8) else cast(0 as float8) end)
                                   filter (where c.resolution_working_minutes is not null) as wwithin,
                               grouping(%s) as all_rows
                        from kpi_case c
                        where c.resolved_at >= :from and c.resolved_at < :to %s
                        group by grouping sets ((%s), ())""".formatted(scope.caseKey(), scope.caseKey(), scope.caseWhere(),
                        scope.caseKey())))
                .query((rs, n) -> {
                    Figures f = target(rs, rows, total);
                    f.casesResolved = rs.getLong("n");
                    f.resolution = durations(rs, "n", "median", "p90", "within");
                    f.resolutionWorking = rs.getLong("wn") == 0 ? null : durations(rs, "wn", "wmedian", "wp90", "wwithin");
                    return f;
                }).list();

        Map<String, String> labels = labels(by, rows.keySet());
        List<KpiRow> result = new ArrayList<>();
        rows.forEach((key, figures) -> result.add(figures.row(by, key, labels.getOrDefault(key, key))));
        result.sort((a, b) -> a.label().compareToIgnoreCase(b.label()) != 0 ? a.label().compareToIgnoreCase(b.label())
                : a.key().compareTo(b.key()));
        return new KpiReport(query, by, List.copyOf(result), total.row(by, "total", "Total"));
    }

    @Transactional(readOnly = true)
    public KpiTrend trend(KpiQuery query) {
        roomToSort();
        Scope scope = new Scope(query, KpiDimension.BRAND);
        Map<LocalDate, long[]> counts = new HashMap<>();
        LocalDate first = LocalDate.ofInstant(query.from(), zone);
        LocalDate last = LocalDate.ofInstant(query.to().minusNanos(1), zone);
        scope.bind(jdbc.sql("""
                        select cast(p.created_at at time zone :zone as date) as day, count(*) as monitored,
                               count(*) filter (where p.addressed) as addressed,
                               count(*) filter (where p.addressed and p.answered) as answered,
                               count(*) filter (where p.negative) as negative, count(*) filter (where p.positive) as positive
                        from kpi_post p %s where p.created_at >= :from and p.created_at < :to %s group by 1"""
                        .formatted(scope.postJoin(), scope.postWhere())).param("zone", zone.getId()))
                .query((rs, n) -> {
                    long[] c = counts.computeIfAbsent(rs.getObject("day", LocalDate.class), d -> new long[7]);
                    for (int i = 0; i < 5; i++) {
                        c[i] = rs.getLong(i + 2);
                    }
                    return c;
                }).list();
        Map<LocalDate, Double> firstResponse = new HashMap<>();
        scope.bind(jdbc.sql("""
                        select cast(c.opened_at at time zone :zone as date) as day, count(*) as opened,
                               percentile_cont(0.5) within group (order by c.first_response_minutes) as median
                        from kpi_case c where c.opened_at >= :from and c.opened_at < :to %s group by 1"""
                        .formatted(scope.caseWhere())).param("zone", zone.getId()))
                .query((rs, n) -> {
                    counts.computeIfAbsent(rs.getObject("day", LocalDate.class), d -> new long[7])[5] = rs.getLong("opened");
                    firstResponse.put(rs.getObject("day", LocalDate.class), (Double) rs.getObject("median", Double.class));
                    return 0;
                }).list();
        Map<LocalDate, Long> done = new HashMap<>();
        scope.bind(jdbc.sql("""
                        select cast(c.resolved_at at time zone :zone as date) as day, count(*) as resolved
                        from kpi_case c where c.resolved_at >= :from and c.resolved_at < :to %s group by 1"""
                        .formatted(scope.caseWhere())).param("zone", zone.getId()))
                .query((rs, n) -> counts.computeIfAbsent(rs.getObject("day", LocalDate.class), d -> new long[7])[6] = rs.getLong("resolved"))
                .list();
        scope.bind(jdbc.sql("""
                        select cast(c.done_at at time zone :zone as date) as day, count(*) as done
                        from kpi_case c where c.done_at >= :from and c.done_at < :to %s group by 1"""
                        .formatted(scope.caseWhere())).param("zone", zone.getId()))
                .query((rs, n) -> done.put(rs.getObject("day", LocalDate.class), rs.getLong("done"))).list();
        // The backlog at the start, then day by day: + opened - resolved or closed (a case is done after it opened).
        long backlog = scope.bind(jdbc.sql("""
                        select (select count(*) from kpi_case c where c.done_at is null and c.opened_at < :from %1$s)
                             + (select count(*) from kpi_case c where c.done_at >= :from and c.opened_at < :from %1$s)"""
                        .formatted(scope.caseWhere())))
                .query(Long.class).single();
        Map<LocalDate, long[]> sla = new HashMap<>();
        scope.bind(jdbc.sql("""
                        select cast(k.stopped_at at time zone :zone as date) as day, count(*) filter (where k.outcome = 'met') as met,
                               count(*) as stopped
                        from sla_clock k join kpi_case c on c.case_id = k.case_id
                        where k.stopped_at >= :from and k.stopped_at < :to and k.outcome is not null %s group by 1"""
                        .formatted(scope.caseWhere())).param("zone", zone.getId()))
                .query((rs, n) -> sla.put(rs.getObject("day", LocalDate.class), new long[] {rs.getLong("met"), rs.getLong("stopped")}))
                .list();
        List<KpiTrend.Day> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            long[] c = counts.getOrDefault(day, new long[7]);
            backlog += c[5] - done.getOrDefault(day, 0L);
            long[] clocks = sla.get(day);
            days.add(new KpiTrend.Day(day, c[0], c[1], c[2], c[3], c[4], c[5], c[6], backlog, firstResponse.get(day),
                    clocks == null || clocks[1] == 0 ? null : (double) clocks[0] / clocks[1]));
        }
        return new KpiTrend(List.copyOf(days));
    }

    @Transactional(readOnly = true)
    public List<SlaCompliance> slaCompliance(KpiQuery query) {
        roomToSort();
        Scope scope = new Scope(query, KpiDimension.BRAND);
        return scope.bind(jdbc.sql("""
                        select k.policy_id, coalesce(sp.name, '') as policy_name, k.kind,
                               count(*) filter (where k.outcome = 'met') as met,
                               count(*) filter (where k.outcome = 'breached') as breached
                        from sla_clock k join kpi_case c on c.case_id = k.case_id left join sla_policy sp on sp.id = k.policy_id
                        where k.stopped_at >= :from and k.stopped_at < :to and k.outcome is not null %s
                        group by k.policy_id, sp.name, k.kind
                        order by lower(coalesce(sp.name, '')), k.policy_id, k.kind""".formatted(scope.caseWhere())))
                .query((rs, n) -> {
                    long met = rs.getLong("met");
                    long breached = rs.getLong("breached");
                    return new SlaCompliance(rs.getObject("policy_id", Long.class), rs.getString("policy_name"),
                            rs.getString("kind"), met, breached, met + breached == 0 ? null : (double) met / (met + breached));
                }).list();
    }

    @Transactional(readOnly = true)
    public KpiBreakdowns breakdowns(KpiQuery query) {
        roomToSort();
        Scope scope = new Scope(query, KpiDimension.BRAND);
        DurationFigures consultWaiting = scope.bind(jdbc.sql("""
                        select count(*) as n,
                               percentile_cont(0.5) within group (order by w.minutes) as median,
                               percentile_cont(0.9) within group (order by w.minutes) as p90,
                               avg(case when w.on_time then cast(1 as float8) else cast(0 as float8) end) as within
                        from (select extract(epoch from (q.answered_at - q.asked_at)) / 60.0 as minutes,
                                     q.answered_at <= q.due_at as on_time
                              from consult q join kpi_case c on c.case_id = q.case_id
                              where q.asked_at >= :from and q.asked_at < :to and q.answered_at is not null %s) w"""
                        .formatted(scope.caseWhere())))
                .query((rs, n) -> durations(rs, "n", "median", "p90", "within")).single();
        List<KpiBreakdowns.Count> intents = scope.bind(jdbc.sql("""
                        select lower(i.intent) as intent, count(*) as n
                        from kpi_post p %s join post x on x.id = p.post_id, unnest(x.intents) as i(intent)
                        where p.created_at >= :from and p.created_at < :to and p.addressed %s
                        group by 1 order by count(*) desc, 1 limit :top"""
                        .formatted(scope.postJoin(), scope.postWhere())).param("top", TOP))
                .query((rs, n) -> new KpiBreakdowns.Count(rs.getString("intent"), rs.getLong("n"))).list();
        List<KpiBreakdowns.Count> topics = listening.terms(scope.bind(jdbc.sql("""
                        select t.term, count(*) as count
                        from (select x.search_terms from kpi_post p %s join post x on x.id = p.post_id
                              where p.created_at >= :from and p.created_at < :to and p.addressed and x.search_terms is not null %s
                              order by p.created_at desc limit :sample) s,
                             unnest(tsvector_to_array(s.search_terms)) as t(term)
                        where char_length(t.term) >= 3 and t.term !~ '^[0-9]+$' and t.term !~ '^@'
                        group by t.term order by count(*) desc, t.term limit :candidates"""
                        .formatted(scope.postJoin(), scope.postWhere())))
                .param("sample", ListeningDashboard.TERM_SAMPLE).param("candidates", TOP * 5)
                .query((rs, n) -> new ListeningFigures.Count(rs.getString("term"), rs.getLong("count"))).list(), TOP)
                .stream().map(c -> new KpiBreakdowns.Count(c.name(), c.count())).toList();
        return new KpiBreakdowns(consultWaiting, intents, topics);
    }

    /** Ids of the cases behind a figure, newest first, at most limit. */
    @Transactional(readOnly = true)
    public List<Long> cases(KpiQuery query, KpiFigure figure, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit: must be at least 1, got " + limit);
        }
        Scope scope = new Scope(query, KpiDimension.BRAND);
        String opened = "c.opened_at >= :from and c.opened_at < :to";
        String resolved = "c.resolved_at >= :from and c.resolved_at < :to";
        String which = switch (figure) {
            case CASES -> "exists (select 1 from kpi_post p where p.case_id = c.case_id and p.created_at >= :from and p.created_at < :to)";
            case FIRST_RESPONSE -> opened + " and c.first_response_minutes is not null";
            case FIRST_RESPONSE_LATE -> opened + " and c.first_response_within = false";
            case UNANSWERED -> opened + " and c.first_agent_reply_at is null";
            case RESOLVED -> resolved;
            case RESOLUTION_LATE -> resolved + " and c.resolution_within = false";
            case SLA_BREACHED -> """
                    exists (select 1 from sla_clock k where k.case_id = c.case_id and k.due_at >= :from and k.due_at < :to
                            and (k.outcome = 'breached' or (k.stopped_at is null and k.due_at < now())))""";
            case BACKLOG -> "c.opened_at < :to and (c.done_at is null or c.done_at >= :to)";
            case PUBLIC_TO_PRIVATE -> opened + " and c.public_to_private";
        };
        return scope.bind(jdbc.sql("""
                        select c.case_id from kpi_case c where %s %s order by c.opened_at desc, c.case_id desc limit :limit"""
                        .formatted(which, scope.caseWhere())).param("limit", limit))
                .query(Long.class).list();
    }

    // -- building blocks

    /**
     * Medians and percentiles sort the period's durations; with PostgreSQL's default 4 MB of sort memory a month of a
     * large archive spills to disk. This transaction's sorts get room to stay in memory.
     */
    private void roomToSort() {
        jdbc.sql("select set_config('work_mem', '64MB', true)").query((rs, n) -> null).list();
    }

    private static Figures target(ResultSet rs, Map<String, Figures> rows, Figures total) throws SQLException {
        if (rs.getInt("all_rows") == 1) {
            return total;
        }
        String key = rs.getString("k");
        return rows.computeIfAbsent(key == null ? "" : key, k -> new Figures());
    }

    private static DurationFigures durations(ResultSet rs, String count, String median, String p90, String within) throws SQLException {
        long n = rs.getLong(count);
        return new DurationFigures(n, n == 0 ? null : (Double) rs.getObject(median, Double.class),
                n == 0 ? null : (Double) rs.getObject(p90, Double.class),
                within == null || n == 0 ? null : (Double) rs.getObject(within, Double.class));
    }

    private Map<String, String> labels(KpiDimension by, java.util.Set<String> keys) {
        Map<String, String> labels = new HashMap<>();
        List<Long> ids = keys.stream().filter(k -> k.matches("[0-9]{1,18}")).map(Long::valueOf).toList();
        String sql = switch (by) {
            case BRAND -> "select cast(id as text), name from brand where id = any(?)";
            case CHANNEL -> "select cast(id as text), name from channel where id = any(?)";
            case AGENT -> "select cast(id as text), display_name from app_user where id = any(?)";
            case TEAM -> null;
        };
        if (sql != null && !ids.isEmpty()) {
            jdbc.sql(sql).param(ids.toArray(Long[]::new)).query((rs, n) -> labels.put(rs.getString(1), rs.getString(2))).list();
        }
        labels.putIfAbsent("", by == KpiDimension.TEAM ? "(no team)" : by == KpiDimension.AGENT ? "(no agent)" : "");
        return labels;
    }

    /** The running figures of one row. */
    private static final class Figures {
        long monitored;
        long addressed;
        long answered;
        long negative;
        long casesOpened;
        long casesResolved;
        Double publicToPrivate;
        DurationFigures replyTime;
        DurationFigures firstResponse;
        DurationFigures firstResponseWorking;
        DurationFigures resolution;
        DurationFigures resolutionWorking;

        KpiRow row(KpiDimension by, String key, String label) {
            return new KpiRow(by, key, label, monitored, addressed, monitored - addressed, answered,
                    addressed == 0 ? null : (double) answered / addressed, orEmpty(replyTime), orEmpty(firstResponse),
                    firstResponseWorking, orEmpty(resolution), resolutionWorking, casesOpened, casesResolved,
                    casesOpened == 0 ? null : publicToPrivate, monitored == 0 ? null : (double) negative / monitored);
        }

        private static DurationFigures orEmpty(DurationFigures figures) {
            return figures == null ? new DurationFigures(0, null, null, null) : figures;
        }
    }

    /**
     * The narrowing of a query and the key of a dimension, per measure table. Posts and replies only know their case,
     * so team and agent narrow them through the case's row; posts without a case count for brand and channel only.
     */
    private record Scope(KpiQuery query, KpiDimension by) {

        private boolean needsCase() {
            return query.team() != null || query.agentUserId() != null || by == KpiDimension.TEAM || by == KpiDimension.AGENT;
        }

        String postJoin() {
            return needsCase() ? "join kpi_case c on c.case_id = p.case_id" : "";
        }

        String postKey() {
            return switch (by) {
                case BRAND -> "p.brand_id";
                case CHANNEL -> "p.channel_id";
                case TEAM -> "c.team";
                case AGENT -> "c.agent_user_id";
            };
        }

        String postWhere() {
            return common("p") + (query.team() != null ? " and c.team = :team" : "")
                    + (query.agentUserId() != null ? " and c.agent_user_id = :agent" : "");
        }

        String replyJoin() {
            return query.team() != null || by == KpiDimension.TEAM ? "left join kpi_case c on c.case_id = r.case_id" : "";
        }

        String replyKey() {
            return switch (by) {
                case BRAND -> "r.brand_id";
                case CHANNEL -> "r.channel_id";
                case TEAM -> "c.team";
                case AGENT -> "r.agent_key";
            };
        }

        String replyWhere() {
            return common("r") + (query.team() != null ? " and c.team = :team" : "")
                    + (query.agentUserId() != null ? " and r.agent_user_id = :agent" : "");
        }

        String caseKey() {
            return switch (by) {
                case BRAND -> "c.brand_id";
                case CHANNEL -> "c.channel_id";
                case TEAM -> "c.team";
                case AGENT -> "c.agent_user_id";
            };
        }

        String caseWhere() {
            return common("c") + (query.team() != null ? " and c.team = :team" : "")
                    + (query.agentUserId() != null ? " and c.agent_user_id = :agent" : "");
        }

        private String common(String alias) {
            return (query.brandId() != null ? " and " + alias + ".brand_id = :brand" : "")
                    + (query.channelId() != null ? " and " + alias + ".channel_id = :channel" : "");
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            statement = statement.param("from", Timestamp.from(query.from())).param("to", Timestamp.from(query.to()));
            if (query.brandId() != null) {
                statement = statement.param("brand", query.brandId());
            }
            if (query.channelId() != null) {
                statement = statement.param("channel", query.channelId());
            }
            if (query.team() != null) {
                statement = statement.param("team", query.team());
            }
            if (query.agentUserId() != null) {
                statement = statement.param("agent", query.agentUserId());
            }
            return statement;
        }
    }
}
