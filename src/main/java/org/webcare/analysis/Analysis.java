package org.webcare.analysis;

import java.util.Set;

import org.webcare.shared.Intent;

/**
 * What analysis found in a post.
 *
 * @param addressed whether the author addressed the brand (mentioned it, replied to it, wrote privately); otherwise
 *                  the post was overheard
 * @param reach from 0 to 100: how many people the post may reach, from followers and how fast engagement grows
 */
public record Analysis(DetectedLanguage language, Sentiment sentiment, Set<Intent> intents, boolean addressed, int reach) {
}
