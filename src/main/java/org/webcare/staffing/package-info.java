/**
 * Staffing advice for team leads: how many customers write per hour of the week, how long a reply takes, and, by
 * Erlang C, how many agents each hour needs to answer in time; beside the hours the team is open. A read model over
 * the stored posts, cases and replies; nothing here changes data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staffing")
package org.webcare.staffing;
