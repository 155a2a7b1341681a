/**
 * Incidents: one outage that many customers of a brand write about. Its cases are found by a listening query, hear a
 * holding statement while it lasts and a resolution statement when it is over, each exactly once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incidents")
package org.webcare.incidents;
