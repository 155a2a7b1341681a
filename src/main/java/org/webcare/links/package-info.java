/**
 * Tracked links: links in replies are rewritten to short links on Webcare's own address, so a team sees how much
 * traffic its answers send to the website, per brand, channel and template. Only counts per link and day are kept;
 * nothing about who clicked.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tracked links")
package org.webcare.links;
