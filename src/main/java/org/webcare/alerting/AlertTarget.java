package org.webcare.alerting;

/** The ways an alert reaches people; each is delivered and retried on its own. */
enum AlertTarget {
    EMAIL, WEBHOOK
}
