/**
 * The {@code email} connector: a support mailbox read over IMAP and answered over SMTP, always privately.
 */
package org.webcare.channel.connectors.email;
