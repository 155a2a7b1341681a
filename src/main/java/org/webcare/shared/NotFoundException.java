package org.webcare.shared;

/** Something a request named does not exist; the REST API answers 404 with the message ("case: no case with id 7"). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
