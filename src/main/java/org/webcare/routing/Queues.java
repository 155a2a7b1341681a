package org.webcare.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.shared.ConflictException;
import org.webcare.shared.NotFoundException;

/**
 * The brands' queues and their members. A brand has at most one default queue: setting another moves the mark.
 * Changes that may let waiting cases find an agent are announced ({@link QueueChanged}), so they are handed out.
 */
@Service
public class Queues {

    static final int MAX_NAME_LENGTH = 120;
    private static final String SELECT = """
            select q.*, b.name as brand_name from routing_queue q join brand b on b.id = q.brand_id
            """;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Queues(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Every queue, by brand and name. */
    public List<Queue> all() {
        return withMembers(jdbc.sql(SELECT + " order by b.name, lower(q.name)").query(Queues::map).list());
    }

    public List<Queue> ofBrand(long brandId) {
        return withMembers(jdbc.sql(SELECT + " where q.brand_id = ? order by lower(q.name)").param(brandId).query(Queues::map).list());
    }

    public Optional<Queue> find(long id) {
        return withMembers(jdbc.sql(SELECT + " where q.id = ?").param(id).query(Queues::map).list()).stream().findFirst();
    }

    public Queue get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("queue: no queue with id " + id));
    }

    public Optional<Queue> defaultOf(long brandId) {
        return withMembers(jdbc.sql(SELECT + " where q.brand_id = ? and q.is_default").param(brandId).query(Queues::map).list())
                .stream().findFirst();
    }

    public boolean brandHasQueues(long brandId) {
        return jdbc.sql("select exists (select 1 from routing_queue where brand_id = ?)").param(brandId).query(Boolean.class).single();
    }

    /** The queues an agent is a member of. */
    public List<Long> idsOf(long userId) {
        return jdbc.sql("select queue_id from routing_queue_member where user_id = ? order by queue_id").param(userId)
                .query(Long.class).list();
    }

    @Transactional
    public Queue create(long brandId, String name, String team, Strategy strategy, boolean isDefault, List<Long> memberIds) {
        if (!jdbc.sql("select exists (select 1 from brand where id = ?)").param(brandId).query(Boolean.class).single()) {
            throw new IllegalArgumentException("brandId: no brand with id " + brandId);
        }
        String cleanName = name(name);
        requireUniqueName(brandId, cleanName, null);
        if (isDefault) {
            clearDefault(brandId);
        }
        long id = jdbc.sql("""
                        insert into routing_queue (brand_id, name, team, strategy, is_default) values (?, ?, ?, ?, ?)
                        returning id""")
                .params(brandId, cleanName, team(team), (strategy == null ? Strategy.MANUAL : strategy).name(), isDefault)
                .query(Long.class).single();
        if (memberIds != null) {
            replaceMembers(id, memberIds);
        }
        events.publishEvent(new QueueChanged(id));
        return get(id);
    }

    @Transactional
    public Queue update(long id, String name, String team, Strategy strategy, boolean isDefault) {
        return update(id, name, team, strategy, isDefault, null);
    }

    /** Changes the queue and, unless {@code memberIds} is {@code null}, its members, in one transaction. */
    @Transactional
    public Queue update(long id, String name, String team, Strategy strategy, boolean isDefault, List<Long> memberIds) {
        Queue current = lock(id);
        String cleanName = name(name);
        requireUniqueName(current.brandId(), cleanName, id);
        if (isDefault && !current.isDefault()) {
            clearDefault(current.brandId());
        }
        jdbc.sql("update routing_queue set name = ?, team = ?, strategy = ?, is_default = ? where id = ?")
                .params(cleanName, team(team), (strategy == null ? current.strategy() : strategy).name(), isDefault, id)
                .update();
        if (memberIds != null) {
            replaceMembers(id, memberIds);
        }
        events.publishEvent(new QueueChanged(id));
        return get(id);
    }

    /** Removes a queue no rule sends cases to; the cases waiting in it become unrouted. */
    @Transactional
    public void remove(long id) {
        Queue current = lock(id);
        List<String> rules = jdbc.sql("select name from routing_rule where queue_id = ? order by position").param(id)
                .query(String.class).list();
        if (!rules.isEmpty()) {
            throw new ConflictException("queue: rules send cases to '" + current.name() + "': " + String.join(", ", rules)
                    + "; send them elsewhere or remove them first");
        }
        jdbc.sql("delete from routing_queue where id = ?").param(id).update();
    }

    /** Makes these agents the queue's members. */
    @Transactional
    public Queue setMembers(long id, List<Long> userIds) {
        lock(id);
        replaceMembers(id, userIds == null ? List.of() : userIds);
        events.publishEvent(new QueueChanged(id));
        return get(id);
    }

    @Transactional
    public Queue addMember(long id, long userId) {
        Queue current = lock(id);
        List<Long> members = new ArrayList<>(current.members().stream().map(Queue.QueueMember::userId).toList());
        members.add(userId);
        return setMembers(id, members);
    }

    @Transactional
    public Queue removeMember(long id, long userId) {
        lock(id);
        jdbc.sql("delete from routing_queue_member where queue_id = ? and user_id = ?").params(id, userId).update();
        return get(id);
    }

    /** Locks the queue's row: assignments from it wait until the change is done. */
    Queue lock(long id) {
        jdbc.sql("select id from routing_queue where id = ? for update").param(id).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("queue: no queue with id " + id));
        return get(id);
    }

    /** Who got the queue's last case from round robin, or {@code null}. */
    Long lastAssigned(long id) {
        List<Long> last = jdbc.sql("select last_assigned_user_id from routing_queue where id = ?").param(id)
                .query((rs, n) -> rs.getObject(1, Long.class)).list();
        return last.isEmpty() ? null : last.getFirst();
    }

    void assigned(long id, long userId) {
        jdbc.sql("update routing_queue set last_assigned_user_id = ? where id = ?").params(userId, id).update();
    }

    private void replaceMembers(long id, List<Long> userIds) {
        List<Long> distinct = List.copyOf(new LinkedHashSet<>(userIds));
        if (distinct.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("userIds: must not hold null");
        }
        List<Long> known = jdbc.sql("select id from app_user where id = any(?)").param(distinct.toArray(Long[]::new))
                .query(Long.class).list();
        for (Long userId : distinct) {
            if (!known.contains(userId)) {
                throw new IllegalArgumentException("userIds: no user with id " + userId);
            }
        }
        jdbc.sql("delete from routing_queue_member where queue_id = ?").param(id).update();
        for (Long userId : distinct) {
            jdbc.sql("insert into routing_queue_member (queue_id, user_id) values (?, ?)").params(id, userId).update();
            // Every member has a routing row, so assignment can lock it.
            jdbc.sql("insert into routing_agent (user_id) values (?) on conflict do nothing").param(userId).update();
        }
    }

    private void clearDefault(long brandId) {
        jdbc.sql("update routing_queue set is_default = false where brand_id = ? and is_default").param(brandId).update();
    }

    private void requireUniqueName(long brandId, String name, Long except) {
        boolean taken = jdbc.sql("""
                        select exists (select 1 from routing_queue where brand_id = ? and lower(name) = lower(?) and id <> ?)""")
                .params(brandId, name, except == null ? -1 : except).query(Boolean.class).single();
        if (taken) {
            throw new IllegalArgumentException("name: the brand already has a queue named '" + name + "'");
        }
    }

    private static String name(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name: is required, at most " + MAX_NAME_LENGTH + " characters");
        }
        return clean;
    }

    private static String team(String team) {
        String clean = team == null ? "" : team.strip();
        if (clean.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("team: is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return clean.isEmpty() ? null : clean;
    }

    private List<Queue> withMembers(List<Queue> queues) {
        if (queues.isEmpty()) {
            return queues;
        }
        Map<Long, List<Queue.QueueMember>> members = jdbc.sql("""
                        select m.queue_id, u.id, u.display_name from routing_queue_member m join app_user u on u.id = m.user_id
                        where m.queue_id = any(?) order by u.display_name, u.id""")
                .param(queues.stream().map(Queue::id).toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong(1), new Queue.QueueMember(rs.getLong(2), rs.getString(3))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, java.util.LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return queues.stream().map(q -> new Queue(q.id(), q.brandId(), q.brandName(), q.name(), q.team(), q.strategy(),
                q.isDefault(), members.getOrDefault(q.id(), List.of()))).toList();
    }

    private static Queue map(ResultSet rs, int row) throws SQLException {
        return new Queue(rs.getLong("id"), rs.getLong("brand_id"), rs.getString("brand_name"), rs.getString("name"),
                rs.getString("team"), Strategy.valueOf(rs.getString("strategy")), rs.getBoolean("is_default"), List.of());
    }
}
