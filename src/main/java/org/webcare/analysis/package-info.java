/**
 * What a post says about its author: language, sentiment, intents, whether it addresses the brand, and its reach.
 * Dutch first, English second. Analysers are plain Java and thread-safe, so commands can use them without the server.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analysis")
package org.webcare.analysis;
