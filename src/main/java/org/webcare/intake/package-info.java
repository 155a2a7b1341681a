/**
 * The intake pipeline: every post from any channel is normalised, checked, de-duplicated, threaded and stored here,
 * and announced with {@link org.webcare.intake.PostReceived}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package org.webcare.intake;
