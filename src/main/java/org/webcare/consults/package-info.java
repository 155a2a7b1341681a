/**
 * Consults: an agent asks an expert (any colleague, by e-mail address, no Webcare account needed) a question about a
 * case with a due time. The expert answers through a signed, expiring link or by replying to the e-mail; the answer
 * lands in the case as an internal note, and the case waits in pending-internal while any consult is open.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consults")
package org.webcare.consults;
