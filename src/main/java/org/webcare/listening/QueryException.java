package org.webcare.listening;

/** A query that cannot be used: where (0-based character position, or -1 for the whole query) and why. */
public class QueryException extends IllegalArgumentException {

    private final int position;

    QueryException(int position, String message) {
        super(position >= 0 ? "at position " + (position + 1) + ": " + message : message);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
