package org.webcare.routing;

/**
 * One condition of a rule tested against a case, for explaining why a rule did or did not match.
 *
 * @param condition {@code channel}, {@code language}, {@code intent}, {@code query}, {@code sentiment},
 *                  {@code priority} or {@code tag}
 * @param expected what the rule asks, e.g. {@code nl, en} or {@code ≤ 2}
 * @param actual what the case has, e.g. {@code de}
 */
public record Check(String condition, boolean met, String expected, String actual) {
}
