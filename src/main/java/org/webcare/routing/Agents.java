package org.webcare.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.shared.NotFoundException;

/**
 * Agents' status (set by themselves), capacity and skills (set by team leads), and their load. An agent becoming
 * available, or getting more room, is announced so cases waiting in their queues are handed out.
 */
@Service
public class Agents {

    public static final int MAX_CAPACITY = 1_000;
    static final int MAX_SKILLS = 30;
    static final int MAX_TOPIC_LENGTH = 120;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    // The load counts what the team still works on: resolved and closed cases take no room.
    private static final String ACTIVE = """
            (select count(*) from support_case sc where sc.assignee_user_id = u.id
               and sc.status not in ('RESOLVED', 'CLOSED') and sc.id <> :exceptCase)""";

    private final JdbcClient jdbc;
    private final RoutingSettings settings;
    private final ApplicationEventPublisher events;

    Agents(JdbcClient jdbc, RoutingSettings settings, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.events = events;
    }

    /** Every user, by name. */
    public List<Agent> all() {
        return jdbc.sql(select("true") + " order by u.display_name, u.id").param("exceptCase", -1L)
                .param("defaultCapacity", settings.defaultCapacity()).query(Agents::map).list();
    }

    public Agent get(long userId) {
        return jdbc.sql(select("u.id = :user")).param("exceptCase", -1L).param("defaultCapacity", settings.defaultCapacity())
                .param("user", userId).query(Agents::map).optional()
                .orElseThrow(() -> new NotFoundException("agent: no user with id " + userId));
    }

    /** The agent's own switch: available, away or offline. */
    @Transactional
    public Agent setStatus(long userId, AgentStatus status) {
        if (status == null) {
            throw new IllegalArgumentException("status: is required (available, away, offline)");
        }
        AgentStatus before = get(userId).status();
        jdbc.sql("""
                        insert into routing_agent (user_id, status, status_changed_at) values (?, ?, now())
                        on conflict (user_id) do update set status = excluded.status, status_changed_at = excluded.status_changed_at""")
                .params(userId, status.name()).update();
        if (before != status) {
            events.publishEvent(new AgentStatusChanged(userId, before, status));
        }
        return get(userId);
    }

    /**
     * A team lead's settings for an agent.
     *
     * @param capacity active cases at once, or {@code null} for the default
     */
    @Transactional
    public Agent configure(long userId, Integer capacity, List<String> languages, List<String> topics) {
        get(userId);
        if (capacity != null && (capacity < 0 || capacity > MAX_CAPACITY)) {
            throw new IllegalArgumentException("capacity: must be 0 to " + MAX_CAPACITY + ", got " + capacity);
        }
        List<String> cleanLanguages = languages(languages);
        List<String> cleanTopics = topics(topics);
        jdbc.sql("""
                        insert into routing_agent (user_id, capacity, languages, topics)
                        values (:user, :capacity, cast(:languages as text[]), cast(:topics as text[]))
                        on conflict (user_id) do update set capacity = excluded.capacity, languages = excluded.languages,
                               topics = excluded.topics""")
                .param("user", userId).param("capacity", capacity, java.sql.Types.INTEGER)
                .param("languages", cleanLanguages.toArray(String[]::new)).param("topics", cleanTopics.toArray(String[]::new))
                .update();
        events.publishEvent(new AgentSettingsChanged(userId));
        return get(userId);
    }

    /**
     * The users as candidates for a case, locked in user id order until the transaction ends, so two cases routed at
     * once cannot both take an agent's last free slot (and two routings never wait for each other in a circle).
     */
    List<Candidate> lockAsCandidates(Collection<Long> userIds, long exceptCaseId) {
        Long[] ids = userIds.stream().distinct().sorted().toArray(Long[]::new);
        if (ids.length == 0) {
            return List.of();
        }
        jdbc.sql("insert into routing_agent (user_id) select unnest(cast(? as bigint[])) on conflict do nothing").param(ids).update();
        jdbc.sql("select user_id from routing_agent where user_id = any(?) order by user_id for update").param(ids)
                .query(Long.class).list();
        return candidates(userIds, exceptCaseId);
    }

    /** The users as candidates for a case, without locking: for explaining what routing would do. */
    List<Candidate> candidates(Collection<Long> userIds, long exceptCaseId) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(select("u.id = any(:users)") + " order by u.id").param("exceptCase", exceptCaseId)
                .param("defaultCapacity", settings.defaultCapacity())
                .param("users", userIds.stream().distinct().toArray(Long[]::new))
                .query(Agents::map).list().stream()
                .map(a -> new Candidate(a.userId(), a.name(), a.status(), a.activeCases(), a.capacity(), a.languages(),
                        a.topics(), null, false))
                .toList();
    }

    private static String select(String where) {
        return """
                select u.id, u.display_name, u.email, u.role, coalesce(a.status, 'OFFLINE') as status,
                       coalesce(a.capacity, :defaultCapacity) as capacity, coalesce(a.languages, '{}') as languages,
                       coalesce(a.topics, '{}') as topics, %s as active,
                       array(select q.name from routing_queue_member m join routing_queue q on q.id = m.queue_id
                             where m.user_id = u.id order by q.name) as queues
                from app_user u left join routing_agent a on a.user_id = u.id
                where %s""".formatted(ACTIVE, where);
    }

    static List<String> languages(List<String> languages) {
        if (languages == null) {
            return List.of();
        }
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String language : languages) {
            String code = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (!LANGUAGE.matcher(code).matches()) {
                throw new IllegalArgumentException("languages: '" + language + "' is not an ISO 639-1 code such as nl or en");
            }
            clean.add(code);
        }
        if (clean.size() > MAX_SKILLS) {
            throw new IllegalArgumentException("languages: at most " + MAX_SKILLS);
        }
        return List.copyOf(clean);
    }

    static List<String> topics(List<String> topics) {
        if (topics == null) {
            return List.of();
        }
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String topic : topics) {
            String value = topic == null ? "" : topic.strip().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                continue;
            }
            if (value.length() > MAX_TOPIC_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("topics: '" + (value.length() > 50 ? value.substring(0, 50) + "…" : value)
                        + "' is not a topic (at most " + MAX_TOPIC_LENGTH + " characters on one line)");
            }
            clean.add(value);
        }
        if (clean.size() > MAX_SKILLS) {
            throw new IllegalArgumentException("topics: at most " + MAX_SKILLS);
        }
        return List.copyOf(clean);
    }

    /** Splits a comma-separated field from a form. */
    public static List<String> split(String text) {
        List<String> values = new ArrayList<>();
        if (text != null) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        return values;
    }

    private static Agent map(ResultSet rs, int row) throws SQLException {
        return new Agent(rs.getLong("id"), rs.getString("display_name"), rs.getString("email"), rs.getString("role"),
                AgentStatus.valueOf(rs.getString("status")), rs.getInt("active"), rs.getInt("capacity"),
                RoutingRules.strings(rs.getArray("languages")), RoutingRules.strings(rs.getArray("topics")),
                RoutingRules.strings(rs.getArray("queues")));
    }
}
