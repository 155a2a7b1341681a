/**
 * Surveys after resolution: per brand whether and how customers are asked (CSAT, CES or NPS; a link to the public
 * page or a number answered in the channel), the invitation sent once per case after a delay through the case's
 * channel, the answers on the one-time page or in the channel, and the report figures per brand, channel, team and
 * agent.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys")
package org.webcare.surveys;
