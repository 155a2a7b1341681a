package org.webcare.routing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which queue each case waits in, and which cases wait. Callers hold the transaction. */
@Repository
class CaseQueueRepository {

    // Cases the team still has to take: not resolved or closed, not merged away, nobody on it.
    private static final String WAITING = """
            sc.assignee_user_id is null and sc.status not in ('RESOLVED', 'CLOSED') and sc.merged_into_case_id is null""";

    private final JdbcClient jdbc;

    CaseQueueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CaseRoute> find(long caseId) {
        return jdbc.sql("""
                        select cq.*, q.name as queue_name, q.strategy, r.name as rule_name from case_queue cq
                        left join routing_queue q on q.id = cq.queue_id left join routing_rule r on r.id = cq.rule_id
                        where cq.case_id = ?""")
                .param(caseId)
                .query((rs, n) -> new CaseRoute(rs.getLong("case_id"), rs.getObject("queue_id", Long.class),
                        rs.getString("queue_name"), rs.getString("strategy") == null ? null : Strategy.valueOf(rs.getString("strategy")),
                        rs.getObject("rule_id", Long.class), rs.getString("rule_name"), rs.getTimestamp("routed_at").toInstant()))
                .optional();
    }

    void record(long caseId, Long queueId, Long ruleId, Instant at) {
        jdbc.sql("""
                        insert into case_queue (case_id, queue_id, rule_id, routed_at) values (:case, :queue, :rule, :at)
                        on conflict (case_id) do update set queue_id = excluded.queue_id, rule_id = excluded.rule_id,
                               routed_at = excluded.routed_at""")
                .param("case", caseId).param("queue", queueId, java.sql.Types.BIGINT)
                .param("rule", ruleId, java.sql.Types.BIGINT).param("at", Timestamp.from(at)).update();
    }

    /**
     * The queue's most urgent waiting case, then the longest waiting, that no other transaction is working on (skipped,
     * not waited for), locked until the transaction ends.
     */
    Optional<Long> lockNextWaiting(long queueId, Collection<Long> except) {
        return jdbc.sql("""
                        select sc.id from case_queue cq join support_case sc on sc.id = cq.case_id
                        where cq.queue_id = :queue and %s and sc.id <> all(cast(:except as bigint[]))
                        order by sc.priority, sc.last_customer_post_at, sc.id limit 1
                        for update of sc skip locked""".formatted(WAITING))
                .param("queue", queueId).param("except", except.toArray(Long[]::new))
                .query(Long.class).optional();
    }

    /** Locks the case while it is still waiting and unrouted; empty when it is not (or another transaction has it). */
    Optional<Long> lockIfUnrouted(long caseId) {
        return jdbc.sql("""
                        select sc.id from support_case sc left join case_queue cq on cq.case_id = sc.id
                        where sc.id = ? and %s and cq.queue_id is null
                        for update of sc skip locked""".formatted(WAITING))
                .param(caseId).query(Long.class).optional();
    }

    /**
     * Waiting cases without a queue that routing may now place: never routed (opened before the brand had queues), or
     * routed nowhere while the brand now has a default queue or a rule added since.
     */
    List<Long> unrouted(int limit) {
        return jdbc.sql("""
                        select sc.id from support_case sc left join case_queue cq on cq.case_id = sc.id
                        where %s and cq.queue_id is null
                          and exists (select 1 from routing_queue q where q.brand_id = sc.brand_id)
                          and (cq.case_id is null
                               or exists (select 1 from routing_queue q where q.brand_id = sc.brand_id and q.is_default)
                               or exists (select 1 from routing_rule r where r.brand_id = sc.brand_id and r.created_at > cq.routed_at))
                        order by sc.priority, sc.last_customer_post_at, sc.id limit ?""".formatted(WAITING))
                .param(limit).query(Long.class).list();
    }

    /** Queues that hand out cases and have some waiting. */
    List<Long> queuesWithWaiting() {
        return jdbc.sql("""
                        select distinct q.id from routing_queue q join case_queue cq on cq.queue_id = q.id
                        join support_case sc on sc.id = cq.case_id
                        where q.strategy <> 'MANUAL' and %s order by q.id""".formatted(WAITING))
                .query(Long.class).list();
    }

    /** How many cases wait in each queue. */
    java.util.Map<Long, Integer> waitingCounts() {
        return jdbc.sql("""
                        select cq.queue_id, count(*) from case_queue cq join support_case sc on sc.id = cq.case_id
                        where cq.queue_id is not null and %s group by cq.queue_id""".formatted(WAITING))
                .query((rs, n) -> java.util.Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }

    /** How many waiting cases of each brand have no queue. */
    java.util.Map<Long, Integer> unroutedCounts() {
        return jdbc.sql("""
                        select sc.brand_id, count(*) from support_case sc left join case_queue cq on cq.case_id = sc.id
                        where %s and cq.queue_id is null and cq.case_id is not null group by sc.brand_id""".formatted(WAITING))
                .query((rs, n) -> java.util.Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }
}
