package org.webcare.surveys;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.webcare.shared.CsvExport;

/**
 * The survey report: for the surveys sent in a period, how many were answered and what the answers say, in total,
 * per brand, channel, team, agent, day or week. CSAT counts 4-5 as satisfied, CES counts 5-7 as easy, NPS is the
 * percentage of promoters (9-10) minus that of detractors (0-6). An answer counts with the period its survey was
 * sent in, so the response rate of a period never exceeds 100 %.
 */
@Service
public class SurveyReports {

    static final int COMMENTS = 20;

    private final JdbcClient jdbc;
    private final ZoneId zone;

    SurveyReports(JdbcClient jdbc, @Value("${webcare.time-zone:Europe/Amsterdam}") String zone) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }

    public SurveyReport report(SurveyQuery query) {
        List<Row> rows = rows(query);
        SurveyFigures total = figures("total", "total", rows);
        Function<Row, String[]> keyOf = switch (query.by()) {
            case BRAND -> row -> new String[]{String.valueOf(row.brandId()), row.brandName()};
            case CHANNEL -> row -> new String[]{String.valueOf(row.channelId()), row.brandName() + " · " + row.channelName()};
            case TEAM -> row -> new String[]{row.team() == null ? "" : row.team(), row.team() == null ? "" : row.team()};
            case AGENT -> row -> new String[]{row.agentId() == null ? "" : String.valueOf(row.agentId()),
                    row.agentName() == null ? "" : row.agentName()};
            case DAY -> row -> {
                String day = row.sentAt().atZone(zone).toLocalDate().toString();
                return new String[]{day, day};
            };
            case WEEK -> row -> {
                String week = week(row.sentAt().atZone(zone).toLocalDate()).toString();
                return new String[]{week, week};
            };
        };
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (Row row : rows) {
            String[] key = keyOf.apply(row);
            groups.computeIfAbsent(key[0], k -> new ArrayList<>()).add(row);
            labels.putIfAbsent(key[0], key[1]);
        }
        List<SurveyFigures> grouped = new ArrayList<>();
        groups.forEach((key, members) -> grouped.add(figures(key, labels.get(key), members)));
        if (query.by() == SurveyGrouping.DAY || query.by() == SurveyGrouping.WEEK) {
            grouped.sort(java.util.Comparator.comparing(SurveyFigures::key));
        } else {
            grouped.sort(java.util.Comparator.comparing(SurveyFigures::invitations).reversed().thenComparing(SurveyFigures::label));
        }
        boolean daily = ChronoUnit.DAYS.between(query.from(), query.to()) < 31;
        List<SurveyReport.Point> series = new ArrayList<>();
        LocalDate start = daily ? query.from() : week(query.from());
        while (!start.isAfter(query.to())) {
            LocalDate bucket = start;
            LocalDate next = daily ? bucket.plusDays(1) : bucket.plusWeeks(1);
            List<Row> in = rows.stream().filter(row -> {
                LocalDate day = row.sentAt().atZone(zone).toLocalDate();
                return !day.isBefore(bucket) && day.isBefore(next);
            }).toList();
            series.add(new SurveyReport.Point(bucket, figures(bucket.toString(), bucket.toString(), in)));
            start = next;
        }
        return new SurveyReport(query, total, grouped, daily ? "day" : "week", series, comments(query));
    }

    private static LocalDate week(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static SurveyFigures figures(String key, String label, List<Row> rows) {
        long answers = 0;
        long csat = 0, satisfied = 0, csatSum = 0;
        long ces = 0, easy = 0, cesSum = 0;
        long nps = 0, promoters = 0, passives = 0, detractors = 0;
        for (Row row : rows) {
            if (row.score() == null) {
                continue;
            }
            answers++;
            int score = row.score();
            switch (row.kind()) {
                case CSAT -> {
                    csat++;
                    csatSum += score;
                    if (score >= 4) {
                        satisfied++;
                    }
                }
                case CES -> {
                    ces++;
                    cesSum += score;
                    if (score >= 5) {
                        easy++;
                    }
                }
                case NPS -> {
                    nps++;
                    if (score >= 9) {
                        promoters++;
                    } else if (score >= 7) {
                        passives++;
                    } else {
                        detractors++;
                    }
                }
            }
        }
        return new SurveyFigures(key, label, rows.size(), answers, percent(answers, rows.size()),
                csat, satisfied, percent(satisfied, csat), average(csatSum, csat),
                ces, easy, percent(easy, ces), average(cesSum, ces),
                nps, promoters, passives, detractors,
                nps == 0 ? null : round1(100.0 * promoters / nps - 100.0 * detractors / nps));
    }

    private static Double percent(long part, long whole) {
        return whole == 0 ? null : round1(100.0 * part / whole);
    }

    private static Double average(long sum, long count) {
        return count == 0 ? null : Math.round(100.0 * sum / count) / 100.0;
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private String where(SurveyQuery query) {
        return """
                 where s.sent_at >= :from and s.sent_at < :to
                   and (cast(:brand as bigint) is null or s.brand_id = :brand)
                   and (cast(:channel as bigint) is null or s.channel_id = :channel)
                   and (cast(:team as text) is null or s.team = :team)
                   and (cast(:agent as bigint) is null or s.agent_user_id = :agent)
                """;
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, SurveyQuery query) {
        return spec.param("from", Timestamp.from(query.from().atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(query.to().plusDays(1).atStartOfDay(zone).toInstant()))
                .param("brand", query.brandId()).param("channel", query.channelId()).param("team", query.team())
                .param("agent", query.agentId());
    }

    private List<Row> rows(SurveyQuery query) {
        return bind(jdbc.sql("""
                        select s.brand_id, b.name as brand_name, s.channel_id, c.name as channel_name, s.team,
                               s.agent_user_id, s.agent_name, s.kind, s.score, s.sent_at
                        from survey s join brand b on b.id = s.brand_id join channel c on c.id = s.channel_id
                        """ + where(query) + " order by s.sent_at, s.id"), query)
                .query((rs, n) -> new Row(rs.getLong("brand_id"), rs.getString("brand_name"), rs.getLong("channel_id"),
                        rs.getString("channel_name"), rs.getString("team"), rs.getObject("agent_user_id", Long.class),
                        rs.getString("agent_name"), SurveyKind.valueOf(rs.getString("kind")),
                        rs.getObject("score", Integer.class), rs.getTimestamp("sent_at").toInstant()))
                .list();
    }

    private List<SurveyReport.Comment> comments(SurveyQuery query) {
        return bind(jdbc.sql("""
                        select s.id, s.case_id, b.name as brand_name, s.kind, s.score, s.comment, s.answered_at, s.agent_name
                        from survey s join brand b on b.id = s.brand_id
                        """ + where(query) + " and s.comment is not null order by s.answered_at desc, s.id desc limit " + COMMENTS), query)
                .query((rs, n) -> new SurveyReport.Comment(rs.getLong("id"), rs.getLong("case_id"), rs.getString("brand_name"),
                        SurveyKind.valueOf(rs.getString("kind")), rs.getInt("score"), rs.getString("comment"),
                        rs.getTimestamp("answered_at").toInstant(), rs.getString("agent_name")))
                .list();
    }

    /** The rows as CSV: a header, the total, then one line per group. */
    public String csv(SurveyReport report) {
        List<List<?>> rows = new java.util.ArrayList<>();
        rows.add(line("total", report.total()));
        report.rows().forEach(row -> rows.add(line(report.query().by().json(), row)));
        return CsvExport.table(List.of("group", "label", "invitations", "answers", "responseRate", "csatAnswers",
                "csatSatisfied", "csatShare", "csatAverage", "cesAnswers", "cesEasy", "cesEasyShare", "cesAverage",
                "npsAnswers", "promoters", "passives", "detractors", "nps"), rows);
    }

    private static List<Object> line(String group, SurveyFigures f) {
        return java.util.Arrays.asList(group, f.label(),
                f.invitations(), f.answers(), f.responseRate(), f.csatAnswers(), f.csatSatisfied(),
                f.csatShare(), f.csatAverage(), f.cesAnswers(), f.cesEasy(), f.cesEasyShare(),
                f.cesAverage(), f.npsAnswers(), f.promoters(), f.passives(), f.detractors(), f.nps());
    }

    record Row(long brandId, String brandName, long channelId, String channelName, String team, Long agentId,
               String agentName, SurveyKind kind, Integer score, Instant sentAt) {
    }
}
