package org.webcare.staffing;

import java.time.DayOfWeek;

/**
 * One hour of the week in the advice.
 *
 * @param hour 0–23: the hour from {@code hour}:00 to {@code hour + 1}:00 in the team's time zone
 * @param arrivals average arrivals in this hour over the weeks
 * @param arrivalsBusyWeek the 90th-percentile week's arrivals (nearest rank), so bursts show
 * @param load offered load in Erlang: arrivals × handling time in hours
 * @param agentsAnswering agents answering at the same time that Erlang C asks for (at the maximum occupancy)
 * @param agentsScheduled agents to schedule: answering agents grown by the shrinkage
 * @param agentsScheduledBusyWeek the same for the 90th-percentile week
 * @param agentsAvailable agents available on average in this hour (any part of it) over the weeks, as their status
 *                        said; team-wide, as agents are not bound to one brand
 * @param open whether the team is open in this hour
 * @param closedWhileWriting customers write in this hour while the team is closed
 */
public record HourCell(DayOfWeek day, int hour, double arrivals, long arrivalsBusyWeek, double load,
                       int agentsAnswering, int agentsScheduled, int agentsScheduledBusyWeek, double agentsAvailable, boolean open,
                       boolean closedWhileWriting) {
}
