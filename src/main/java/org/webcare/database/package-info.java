/**
 * Where Webcare keeps its data: an embedded PostgreSQL under the data directory by default,
 * or an external PostgreSQL 14+ when {@code WEBCARE_DB_URL} is set.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package org.webcare.database;
