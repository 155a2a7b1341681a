package org.webcare.ui;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.webcare.cases.CaseOpened;
import org.webcare.cases.CaseUpdated;
import org.webcare.cases.ReplyQueued;
import org.webcare.channel.DeliveryChanged;
import org.webcare.intake.AnalysisCorrected;
import org.webcare.intake.PostReceived;

/**
 * Pushes facts to open browsers as server-sent events, after they are committed: {@code post} (a new post arrived),
 * {@code thread-<id>} (something changed in that thread), {@code case} and {@code case-<id>} (a case opened or
 * changed) and {@code delivery} (a reply's delivery state changed).
 * The browser then fetches what it shows, so events carry no customer data and respect each page's filters.
 */
@Component
class LiveUpdates {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();

    LiveUpdates(MeterRegistry meters) {
        meters.gaugeCollectionSize("webcare.ui.live.connections", java.util.List.of(), emitters);
    }

    SseEmitter connect() {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        send(emitter, "hello", "connected");
        return emitter;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PostReceived event) {
        broadcast("post", Long.toString(event.postId()));
        broadcast("thread-" + event.threadId(), Long.toString(event.postId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ReplyQueued event) {
        broadcast("thread-" + event.threadId(), Long.toString(event.replyId()));
        broadcast("post", Long.toString(event.postId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AnalysisCorrected event) {
        broadcast("thread-" + event.threadId(), Long.toString(event.postId()));
        broadcast("post", Long.toString(event.postId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(CaseUpdated event) {
        broadcast("case", Long.toString(event.caseId()));
        broadcast("case-" + event.caseId(), Long.toString(event.caseId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(CaseOpened event) {
        broadcast("case", Long.toString(event.caseId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(DeliveryChanged event) {
        broadcast("delivery", Long.toString(event.messageId()));
    }

    /** Ends the open streams first, so a graceful shutdown does not wait for browsers that never hang up. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
    }

    /** Keeps idle connections open through proxies that close silent ones. */
    @Scheduled(fixedDelay = 25_000)
    void heartbeat() {
        emitters.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                emitters.remove(emitter);
            }
        });
    }

    private void broadcast(String name, String data) {
        emitters.forEach(emitter -> send(emitter, name, data));
    }

    private void send(SseEmitter emitter, String name, String data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data));
        } catch (IOException | IllegalStateException e) {
            emitters.remove(emitter);
        }
    }
}
