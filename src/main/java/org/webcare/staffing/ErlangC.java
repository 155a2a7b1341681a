package org.webcare.staffing;

/**
 * The Erlang C queue model (M/M/N: random arrivals, exponential handling times, N agents, nobody gives up): the chance
 * a customer waits, the share answered within a target, and the fewest agents that reach a service level.
 * <p>
 * Computed through the Erlang B recursion {@code B(n) = A·B(n−1) / (n + A·B(n−1))}, which only ever divides numbers
 * between 0 and 1 by numbers above 1, instead of the textbook sums of {@code A^n / n!} that overflow near A = 170.
 */
public final class ErlangC {

    private ErlangC() {
    }

    /**
     * The chance an arrival has to wait at all.
     *
     * @param load offered load A in Erlang (arrivals per hour × handling time in hours)
     * @param agents N; at or below the load the queue never empties, so everybody waits (1.0)
     */
    public static double waitProbability(double load, int agents) {
        checkLoad(load);
        if (agents <= load) {
            return 1.0;
        }
        return fromErlangB(load, agents, erlangB(load, agents));
    }

    /**
     * The share of arrivals answered within {@code answerWithin}: {@code 1 − C · e^(−(N − A) · T / AHT)}.
     *
     * @param answerWithinInHandlingTimes the target answer time T divided by the average handling time
     */
    public static double serviceLevel(double load, int agents, double answerWithinInHandlingTimes) {
        if (load == 0) {
            return 1.0;
        }
        double waits = waitProbability(load, agents);
        if (waits >= 1.0) {
            return 0.0;
        }
        return 1.0 - waits * Math.exp(-(agents - load) * answerWithinInHandlingTimes);
    }

    /**
     * The fewest agents (more than the load, or the queue grows without end) that answer at least {@code serviceLevel}
     * of the arrivals within the target; 0 when nobody arrives.
     */
    public static int agentsNeeded(double load, double answerWithinInHandlingTimes, double serviceLevel) {
        checkLoad(load);
        if (serviceLevel <= 0 || serviceLevel >= 1) {
            throw new IllegalArgumentException("serviceLevel: must be between 0 and 1 (exclusive), got " + serviceLevel);
        }
        if (load == 0) {
            return 0;
        }
        // Walk N upwards, carrying Erlang B along, so the search costs one step per agent even at A = 500.
        double b = 1.0;
        int agents = 0;
        while (true) {
            agents++;
            b = load * b / (agents + load * b);
            if (agents > load) {
                double waits = fromErlangB(load, agents, b);
                if (1.0 - waits * Math.exp(-(agents - load) * answerWithinInHandlingTimes) >= serviceLevel) {
                    return agents;
                }
            }
        }
    }

    static double erlangB(double load, int agents) {
        double b = 1.0;
        for (int n = 1; n <= agents; n++) {
            b = load * b / (n + load * b);
        }
        return b;
    }

    private static double fromErlangB(double load, int agents, double b) {
        return agents * b / (agents - load * (1 - b));
    }

    private static void checkLoad(double load) {
        if (!(load >= 0) || Double.isInfinite(load)) {
            throw new IllegalArgumentException("load: must be zero or more, got " + load);
        }
    }
}
