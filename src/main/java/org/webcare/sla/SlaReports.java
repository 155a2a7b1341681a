package org.webcare.sla;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reading clocks across cases: the inbox by time left, and stored outcomes for reports. */
@Service
public class SlaReports {

    private final JdbcClient jdbc;

    SlaReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Active cases with their nearest running clock, soonest due first; cases whose clocks are all paused come last. */
    public List<SlaClock> byTimeLeft(int limit) {
        List<SlaClock> nearest = jdbc.sql("""
                select distinct on (k.case_id) k.* from sla_clock k join support_case c on c.id = k.case_id
                where k.stopped_at is null and c.status not in ('RESOLVED', 'CLOSED') and c.merged_into_case_id is null
                order by k.case_id, (k.paused_since is not null), k.due_at""").query(SlaClocks::row).list();
        List<SlaClock> sorted = new ArrayList<>(nearest);
        sorted.sort(Comparator.comparing((SlaClock c) -> c.pausedSince() != null).thenComparing(SlaClock::dueAt));
        return sorted.subList(0, Math.min(limit, sorted.size()));
    }

    /**
     * The outcomes of clocks stopped in {@code [from, to)}, of one brand or all. A reopened case has one resolution
     * outcome per stretch; {@code latest} marks the one that counts.
     */
    public List<Outcome> outcomes(Long brandId, Instant from, Instant to) {
        return jdbc.sql("""
                select k.*, c.brand_id,
                  k.turn = (select max(m.turn) from sla_clock m where m.case_id = k.case_id and m.kind = k.kind) as latest
                from sla_clock k join support_case c on c.id = k.case_id
                where k.stopped_at >= ? and k.stopped_at < ? and (cast(? as bigint) is null or c.brand_id = ?)
                order by k.stopped_at, k.id""")
                .params(Timestamp.from(from), Timestamp.from(to), brandId, brandId)
                .query((rs, n) -> new Outcome(SlaClocks.row(rs, n), rs.getLong("brand_id"),
                        rs.getString("kind").equals("resolution") ? rs.getBoolean("latest") : true))
                .list();
    }

    public record Outcome(SlaClock clock, long brandId, boolean latest) {
    }
}
