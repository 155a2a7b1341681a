/**
 * The web UI: layout, navigation, the live inbox and the admin pages, server-rendered with Thymeleaf and htmx.
 * Holds no domain logic: it asks the other modules and renders their answers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web UI")
package org.webcare.ui;
