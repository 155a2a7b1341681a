package org.webcare.crisis;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.crisis.CrisisDetected.Kind;
import org.webcare.crisis.CrisisDetected.Scope;

/**
 * The stored crises: opens one per scope and kind, raises it again only when it grew, ends it when quiet. A crisis and
 * its {@link CrisisDetected} event are committed together.
 */
@Component
class CrisisLog {

    private static final String COLUMNS = "id, scope, scope_id, scope_name, kind, level, reason, post_ids, started_at, last_fired_at, ended_at";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CrisisLog(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Records what a check found; publishes {@link CrisisDetected} when the crisis starts or has grown enough. */
    @Transactional
    public Optional<CrisisDetected> record(WatchedScope scope, Signal signal, Instant now, double growthFactor, Duration holdOff) {
        Optional<Crisis> open = jdbc.sql("select " + COLUMNS + " from crisis where scope = ? and scope_id = ? and kind = ? and ended_at is null for update")
                .params(scope.type().name(), scope.id(), signal.kind().name())
                .query(CrisisLog::crisis).optional();
        Timestamp at = Timestamp.from(now);
        long id;
        if (open.isEmpty()) {
            id = jdbc.sql("""
                            insert into crisis (scope, scope_id, scope_name, kind, level, reason, post_ids, started_at,
                                                last_fired_at, last_abnormal_at)
                            values (?, ?, ?, ?, ?, ?, cast(? as bigint[]), ?, ?, ?) returning id""")
                    .params(scope.type().name(), scope.id(), scope.name(), signal.kind().name(), signal.level(),
                            signal.reason(), array(signal.postIds()), at, at, at)
                    .query(Long.class).single();
        } else {
            Crisis crisis = open.get();
            id = crisis.id();
            if (!Escalation.refires(crisis.level(), crisis.lastFiredAt(), signal.level(), signal.normalLevel(), now,
                    growthFactor, holdOff)) {
                jdbc.sql("update crisis set last_abnormal_at = greatest(last_abnormal_at, ?) where id = ?").params(at, id).update();
                return Optional.empty();
            }
            jdbc.sql("""
                            update crisis set level = ?, reason = ?, post_ids = cast(? as bigint[]), last_fired_at = ?,
                                              last_abnormal_at = ?, scope_name = ?
                            where id = ?""")
                    .params(signal.level(), signal.reason(), array(signal.postIds()), at, at, scope.name(), id)
                    .update();
        }
        CrisisDetected detected = new CrisisDetected(id, scope.type(), scope.id(), scope.name(), signal.kind(),
                signal.level(), signal.reason(), signal.postIds(), now, scope.liveViewPath());
        events.publishEvent(detected);
        return Optional.of(detected);
    }

    /** Ends the open crises that have been back to normal for the quiet period; returns how many. */
    @Transactional
    public int endQuiet(Instant now, Duration quietPeriod) {
        return jdbc.sql("update crisis set ended_at = ? where ended_at is null and last_abnormal_at <= ?")
                .params(Timestamp.from(now), Timestamp.from(now.minus(quietPeriod)))
                .update();
    }

    List<Crisis> active() {
        return jdbc.sql("select " + COLUMNS + " from crisis where ended_at is null order by last_fired_at desc, id desc")
                .query(CrisisLog::crisis).list();
    }

    List<Crisis> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from crisis order by started_at desc, id desc limit ?")
                .param(limit).query(CrisisLog::crisis).list();
    }

    private static String array(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private static Crisis crisis(ResultSet rs, int row) throws SQLException {
        Scope scope = Scope.valueOf(rs.getString("scope"));
        long scopeId = rs.getLong("scope_id");
        Array ids = rs.getArray("post_ids");
        List<Long> postIds = ids == null ? List.of() : List.of((Long[]) ids.getArray());
        Timestamp ended = rs.getTimestamp("ended_at");
        return new Crisis(rs.getLong("id"), scope, scopeId, rs.getString("scope_name"), Kind.valueOf(rs.getString("kind")),
                rs.getLong("level"), rs.getString("reason"), postIds, rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("last_fired_at").toInstant(), ended == null ? null : ended.toInstant(),
                WatchedScope.liveViewPath(scope, scopeId));
    }
}
