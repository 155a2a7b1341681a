/**
 * Business calendars: when a brand's team works (a time zone, opening periods per weekday, closed days, iCal imports
 * and Dutch public holidays) and the arithmetic on working time that service levels are measured in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Business calendars")
package org.webcare.calendar;
