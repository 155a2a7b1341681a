package org.webcare.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.identity.Role;
import org.webcare.intake.Post;
import org.webcare.shared.ConflictException;
import org.webcare.shared.NotFoundException;
import org.webcare.shared.Visibility;

/**
 * The approval policies team leads set, and which of them holds a reply. A reply is held when any policy of its brand
 * or of its author holds it; team leads' own replies are never held.
 */
@Service
public class ApprovalPolicies {

    private static final String SELECT = """
            select ap.*, b.name as brand_name, u.display_name as user_name
            from approval_policy ap
            left join brand b on b.id = ap.brand_id
            left join app_user u on u.id = ap.user_id
            """;

    private final JdbcClient jdbc;
    private final CaseRepository cases;

    ApprovalPolicies(JdbcClient jdbc, CaseRepository cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    /** Brand policies first (by brand), then agents' (by name). */
    public List<ApprovalPolicy> all() {
        return jdbc.sql(SELECT + " order by ap.brand_id is null, b.name, u.display_name, ap.id").query(ApprovalPolicies::map).list();
    }

    public Optional<ApprovalPolicy> find(long id) {
        return jdbc.sql(SELECT + " where ap.id = ?").param(id).query(ApprovalPolicies::map).optional();
    }

    /**
     * Adds a policy for a brand or for an agent (name exactly one).
     *
     * @param priority for {@link ApprovalPolicy.Kind#PRIORITY} only: 1 (most urgent) to 5
     */
    @Transactional
    public ApprovalPolicy create(Long brandId, Long userId, ApprovalPolicy.Kind kind, Integer priority) {
        validate(brandId, userId, kind, priority);
        try {
            long id = jdbc.sql("insert into approval_policy (brand_id, user_id, kind, max_priority) values (?, ?, ?, ?) returning id")
                    .params(brandId, userId, kind.name(), priority).query(Long.class).single();
            return find(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
    }

    @Transactional
    public ApprovalPolicy update(long id, Long brandId, Long userId, ApprovalPolicy.Kind kind, Integer priority) {
        validate(brandId, userId, kind, priority);
        try {
            int updated = jdbc.sql("update approval_policy set brand_id = ?, user_id = ?, kind = ?, max_priority = ? where id = ?")
                    .params(brandId, userId, kind.name(), priority, id).update();
            if (updated == 0) {
                throw new NotFoundException("policy: no approval policy with id " + id);
            }
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
        return find(id).orElseThrow();
    }

    /** Replies held so far stay in the queue; only new replies are no longer held. */
    @Transactional
    public boolean delete(long id) {
        return jdbc.sql("delete from approval_policy where id = ?").param(id).update() == 1;
    }

    /** The policy that holds a reply to this post, if any: the author's own policies first, then the brand's. */
    Optional<ApprovalPolicy> holding(Post post, Visibility visibility, Long authorUserId) {
        if (authorUserId != null && roleOf(authorUserId).map(Role::leads).orElse(false)) {
            return Optional.empty();
        }
        long brandId = cases.brandOfChannel(post.channelId());
        List<ApprovalPolicy> applicable = jdbc.sql(SELECT + """
                         where ap.brand_id = :brand or (cast(:user as bigint) is not null and ap.user_id = :user)
                         order by ap.user_id is null, ap.id""")
                .param("brand", brandId).param("user", authorUserId, java.sql.Types.BIGINT)
                .query(ApprovalPolicies::map).list();
        if (applicable.isEmpty()) {
            return Optional.empty();
        }
        Integer casePriority = cases.caseOfPost(post.id()).flatMap(cases::find).map(c -> c.priority().value()).orElse(null);
        return applicable.stream().filter(policy -> policy.holds(visibility, casePriority)).findFirst();
    }

    private void validate(Long brandId, Long userId, ApprovalPolicy.Kind kind, Integer priority) {
        if ((brandId == null) == (userId == null)) {
            throw new IllegalArgumentException("brandId: name a brand (brandId) or an agent (userId), not both and not neither");
        }
        if (brandId != null && !jdbc.sql("select exists (select 1 from brand where id = ?)").param(brandId).query(Boolean.class).single()) {
            throw new IllegalArgumentException("brandId: no brand with id " + brandId);
        }
        if (userId != null) {
            Role role = roleOf(userId).orElseThrow(() -> new IllegalArgumentException("userId: no user with id " + userId));
            if (role.leads()) {
                throw new IllegalArgumentException("userId: team leads' replies are never held; choose an agent");
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException("kind: is required (all, public or priority)");
        }
        if (kind == ApprovalPolicy.Kind.PRIORITY && (priority == null || priority < 1 || priority > 5)) {
            throw new IllegalArgumentException("priority: must be 1 (most urgent) to 5 for a priority policy, got " + priority);
        }
        if (kind != ApprovalPolicy.Kind.PRIORITY && priority != null) {
            throw new IllegalArgumentException("priority: only a priority policy has a priority");
        }
    }

    private Optional<Role> roleOf(long userId) {
        return jdbc.sql("select role from app_user where id = ?").param(userId).query(String.class).optional().map(Role::valueOf);
    }

    private static ConflictException duplicate() {
        return new ConflictException("kind: this brand or agent already has that policy");
    }

    private static ApprovalPolicy map(ResultSet rs, int row) throws SQLException {
        return new ApprovalPolicy(rs.getLong("id"), rs.getObject("brand_id", Long.class), rs.getString("brand_name"),
                rs.getObject("user_id", Long.class), rs.getString("user_name"),
                ApprovalPolicy.Kind.valueOf(rs.getString("kind")), rs.getObject("max_priority", Integer.class),
                rs.getTimestamp("created_at").toInstant());
    }
}
