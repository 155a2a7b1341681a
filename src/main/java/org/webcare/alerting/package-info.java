/**
 * Alerts: tells people about a saved query's matches (at once, hourly or daily, by e-mail or webhook) and about
 * crises, never flooding them and never losing or doubling an alert across crashes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alerts")
package org.webcare.alerting;
