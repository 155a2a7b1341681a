package org.webcare.consults;

/** A consult is open until the expert answers or an agent cancels it; either happens once. */
public enum ConsultStatus {
    OPEN, ANSWERED, CANCELLED
}
