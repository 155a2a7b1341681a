/**
 * The team's work on posts: the inbox, threads, and agents' replies (recorded and handed to the channel's outbox in
 * one transaction).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases")
package org.webcare.cases;
