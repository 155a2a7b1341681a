/** The {@code webcare} commands: starting the server and the commands that work on its database. */
@org.springframework.modulith.ApplicationModule(displayName = "Command line")
package org.webcare.cli;
