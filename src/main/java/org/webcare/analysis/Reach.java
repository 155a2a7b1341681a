package org.webcare.analysis;

/**
 * A post's reach from 0 to 100: 60 points from the author's audience (logarithmic: 10 followers ≈ 9, 10,000 ≈ 34,
 * 1,000,000 ≈ 51) and 40 from the engagement per hour (10/h ≈ 17, 1,000/h ≈ 40). Logarithms, because an
 * influencer with a million followers matters more than one with a thousand, but not a thousand times more.
 */
final class Reach {

    private Reach() {
    }

    static int of(Long followers, long engagement, long ageMinutes) {
        double audience = followers == null || followers <= 0 ? 0 : Math.min(1, Math.log10(1 + followers) / 7.0) * 60;
        double hours = Math.max(1, ageMinutes) / 60.0;
        double perHour = engagement <= 0 ? 0 : engagement / Math.max(hours, 0.25);
        double velocity = Math.min(1, Math.log10(1 + perHour) / 3.0) * 40;
        return (int) Math.round(Math.min(100, audience + velocity));
    }
}
