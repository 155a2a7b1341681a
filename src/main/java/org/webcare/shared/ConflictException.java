package org.webcare.shared;

/**
 * A request that is valid but clashes with what happened meanwhile (a colleague replied since the agent opened the
 * case, a case that was already merged); the REST API answers 409 with the message.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
