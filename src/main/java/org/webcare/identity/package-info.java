/**
 * Who may do what: user accounts, the first administrator, API tokens, and the security rules for every page and
 * API call.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.webcare.identity;
