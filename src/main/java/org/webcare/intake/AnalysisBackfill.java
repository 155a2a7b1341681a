package org.webcare.intake;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.webcare.analysis.AnalysisRequest;
import org.webcare.analysis.Analyzers;
import org.webcare.shared.Visibility;

/**
 * Analyses posts stored before analysis existed, in batches, once the server is up.
 */
@Component
@ConditionalOnProperty(name = "webcare.workers", havingValue = "true", matchIfMissing = true)
class AnalysisBackfill {

    private static final Logger log = LoggerFactory.getLogger(AnalysisBackfill.class);
    private static final int BATCH = 500;

    private final PostRepository posts;
    private final Analyzers analyzers;

    AnalysisBackfill(PostRepository posts, Analyzers analyzers) {
        this.posts = posts;
        this.analyzers = analyzers;
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        Thread.ofVirtual().name("analysis-backfill").start(this::run);
    }

    private void run() {
        int done = 0;
        List<PostRepository.Unanalysed> batch;
        while (!(batch = posts.unanalysed(BATCH)).isEmpty()) {
            for (PostRepository.Unanalysed unanalysed : batch) {
                Post post = unanalysed.post();
                posts.storeAnalysis(post.id(), analyzers.analyze(new AnalysisRequest(post.text(), null, null,
                        unanalysed.brandHandles(), post.visibility() == Visibility.PRIVATE, false, 0, 0)));
            }
            done += batch.size();
        }
        if (done > 0) {
            log.info("Analysed {} posts stored before analysis existed", done);
        }
    }
}
