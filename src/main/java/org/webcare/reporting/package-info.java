/**
 * Figures about posts for people who watch: the listening dashboard per brand or query (volume, sentiment, authors
 * with reach, terms, sources). Read models straight from the stored posts; nothing here changes data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package org.webcare.reporting;
