package org.webcare.cases;

/**
 * Who changed a case, as its history records it.
 *
 * @param userId the user, or {@code null} when Webcare itself did it (a customer's message, a scheduled close)
 */
public record Actor(Long userId, String name) {

    public static final Actor WEBCARE = new Actor(null, "Webcare");

    public static Actor user(long userId, String name) {
        return new Actor(userId, name);
    }
}
