package org.webcare.cases;

/**
 * Where a reply stands before delivery: held for a team lead's approval, returned to its author, discarded, or queued
 * (handed to the channel's outbox; its {@link Reply#delivery()} tells the rest).
 */
public enum ReplyState {
    AWAITING_APPROVAL, RETURNED, DISCARDED, QUEUED
}
