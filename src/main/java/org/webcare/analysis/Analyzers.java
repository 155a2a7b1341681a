package org.webcare.analysis;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared {@link PostAnalyzer}, loaded on a background thread so the server does not wait for the language models
 * and lexicons to start; the first post to be analysed waits for them if it comes early.
 */
public final class Analyzers {

    private static final Logger log = LoggerFactory.getLogger(Analyzers.class);

    private final CompletableFuture<PostAnalyzer> analyzer;

    private Analyzers(CompletableFuture<PostAnalyzer> analyzer) {
        this.analyzer = analyzer;
    }

    static Analyzers loadInBackground(List<String> languages) {
        return new Analyzers(CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            PostAnalyzer loaded = PostAnalyzer.create(languages);
            log.info("Analysers for {} loaded in {} ms", languages, (System.nanoTime() - start) / 1_000_000);
            return loaded;
        }, runnable -> Thread.ofPlatform().name("analysis-loader").daemon().start(runnable)));
    }

    public Analysis analyze(AnalysisRequest request) {
        return analyzer.join().analyze(request);
    }
}
