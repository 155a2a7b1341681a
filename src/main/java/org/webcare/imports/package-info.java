/**
 * History imports: real customer-service history (the Customer Support on Twitter CSV, posts as JSON Lines) brought
 * in as if it had arrived through the channels, quietly (see {@link org.webcare.shared.HistoryReplay}), idempotently
 * and with bounded memory; from the command line, the REST API or the admin page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Imports")
package org.webcare.imports;
