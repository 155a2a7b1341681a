/**
 * Service levels: per brand, ordered policies set how soon the team answers and resolves a case (on the brand's
 * working time or around the clock); every case runs clocks against those targets, warns before and reports when they
 * are breached, and keeps each clock's outcome for reports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA")
package org.webcare.sla;
