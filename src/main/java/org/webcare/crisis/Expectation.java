package org.webcare.crisis;

/**
 * How many posts a stretch of time normally brings: {@code posts} is the typical count, {@code spread} how much it
 * varies from week to week (a robust standard deviation); both 0 when nothing is known.
 */
record Expectation(double posts, double spread) {
}
