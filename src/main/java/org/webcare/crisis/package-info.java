/**
 * Crisis detection: spikes in volume or negative share per brand and per listening query, and single posts from
 * authors with a large reach, raised as crisis alerts with their reason and the posts that drove them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Crisis detection")
package org.webcare.crisis;
