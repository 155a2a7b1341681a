package org.webcare.reporting;

/** What the rows of a KPI report are per. */
public enum KpiDimension { BRAND, CHANNEL, TEAM, AGENT }
