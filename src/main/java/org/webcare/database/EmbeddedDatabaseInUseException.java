package org.webcare.database;

/** Thrown when another Webcare process holds the embedded database directory. */
public class EmbeddedDatabaseInUseException extends IllegalStateException {

    EmbeddedDatabaseInUseException(String message) {
        super(message);
    }
}
