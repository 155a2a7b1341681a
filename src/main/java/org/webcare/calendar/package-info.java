/** Business calendars: opening hours and holidays, as working time. */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package org.webcare.calendar;
