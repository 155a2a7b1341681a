package org.webcare.analysis;

import java.util.Set;

import org.webcare.shared.Intent;

/** Tells what a post's author wants; several intents can hold. Implementations are thread-safe. */
public interface IntentClassifier {

    /**
     * @param sentiment the post's sentiment, a cue for complaints and compliments
     */
    Set<Intent> classify(String text, String language, Sentiment sentiment);
}
