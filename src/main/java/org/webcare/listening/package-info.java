/**
 * Listening: saved boolean queries, matched against every post as it arrives.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Listening")
package org.webcare.listening;
