package org.webcare.intake;

/** A post that intake refuses, with the field and the reason. */
public class InvalidPostException extends IllegalArgumentException {

    private final String field;

    public InvalidPostException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
