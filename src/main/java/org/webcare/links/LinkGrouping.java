package org.webcare.links;

/** What the rows of a link traffic report are per. */
public enum LinkGrouping { BRAND, CHANNEL, TEMPLATE, LINK }
