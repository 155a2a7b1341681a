/**
 * Routing: which queue a case waits in (ordered rules of a brand, first match wins, else the brand's default queue)
 * and which agent gets it (manual claiming, round robin or the lowest load), respecting each agent's status, capacity
 * and languages. Reacts to the case events; every assignment goes through {@link org.webcare.cases.Cases#assign} so
 * the case's history records it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing")
package org.webcare.routing;
