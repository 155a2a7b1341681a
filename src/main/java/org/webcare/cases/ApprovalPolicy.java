package org.webcare.cases;

import java.time.Instant;
import java.util.Locale;

import org.webcare.shared.Visibility;

/**
 * Which replies wait for a team lead's approval: those of one brand (anyone's) or of one agent (on any brand).
 * Exactly one of {@code brandId} and {@code userId} is set.
 *
 * @param priority for {@link Kind#PRIORITY}: replies on cases of this priority or more urgent (1 is most urgent) wait
 */
public record ApprovalPolicy(long id, Long brandId, String brandName, Long userId, String userName, Kind kind,
                             Integer priority, Instant createdAt) {

    /** What a policy holds back. */
    public enum Kind {
        /** Every reply. */
        ALL,
        /** Public replies only: private messages go out at once. */
        PUBLIC,
        /** Replies on cases of a priority or more urgent. */
        PRIORITY;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code all}, {@code public} or {@code priority}, any case. */
        public static Kind parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("kind: must be all, public or priority; got '" + value + "'");
            }
        }
    }

    /**
     * Whether a reply is held by this policy.
     *
     * @param casePriority the priority of the case of the post answered, or {@code null} when it is in no case
     */
    boolean holds(Visibility visibility, Integer casePriority) {
        return switch (kind) {
            case ALL -> true;
            case PUBLIC -> visibility == Visibility.PUBLIC;
            case PRIORITY -> casePriority != null && casePriority <= priority;
        };
    }

    /** Why a reply waits, in the words of the case history: {@code brand policy: replies on priority 2 or more urgent}. */
    public String describe() {
        String whose = brandId != null ? "brand policy" : "agent policy";
        return whose + ": " + switch (kind) {
            case ALL -> "all replies";
            case PUBLIC -> "public replies";
            case PRIORITY -> "replies on priority " + priority + " or more urgent";
        };
    }
}
