package org.webcare.crisis;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.webcare.channel.Channels;
import org.webcare.crisis.CrisisDetected.Kind;
import org.webcare.crisis.CrisisDetected.Scope;
import org.webcare.crisis.ScopeActivity.LoudPost;
import org.webcare.crisis.WatchedScope.Key;
import org.webcare.listening.SavedQueries;

/**
 * Looks at every brand and every saved query once per check interval: volume against the hour-of-week baseline,
 * the share of negative posts, and single loud posts; stores what it finds and raises {@link CrisisDetected} when a
 * crisis starts or grows. One check at a time.
 * <p>
 * High-reach posts are found here too rather than by listening to every arriving post: one place then opens,
 * re-raises and ends every kind of crisis for brands and queries alike, at the cost of at most one check interval.
 */
@Component
class CrisisWatch {

    private static final Logger log = LoggerFactory.getLogger(CrisisWatch.class);

    private final ScopeActivity activity;
    private final CrisisLog crises;
    private final CrisisSettings settings;
    private final Channels channels;
    private final SavedQueries queries;
    private final ZoneId zone;
    private final Clock clock;
    private final SpikeDetector spikes;
    private final NegativeShare negativeShare;
    private final HighReachPost highReach;
    private Baselines baselines;

    CrisisWatch(ScopeActivity activity, CrisisLog crises, CrisisSettings settings, Channels channels, SavedQueries queries,
                @Value("${webcare.time-zone:Europe/Amsterdam}") String zone, ObjectProvider<Clock> clock) {
        this.activity = activity;
        this.crises = crises;
        this.settings = settings;
        this.channels = channels;
        this.queries = queries;
        this.zone = ZoneId.of(zone);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.spikes = settings.spikeDetector();
        this.negativeShare = settings.negativeShare();
        this.highReach = settings.highReachPost();
    }

    @Scheduled(fixedDelayString = "${webcare.crisis.check-interval:PT1M}", initialDelayString = "${webcare.crisis.check-interval:PT1M}")
    void checkNow() {
        try {
            check(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Crisis check failed; trying again at the next one", e);
        }
    }

    /** One check of every scope as of {@code now}; returns the alerts it raised. */
    synchronized List<CrisisDetected> check(Instant now) {
        Map<Key, WatchedScope> scopes = scopes();
        Baselines current = baselines(now);
        Map<Key, ScopeActivity.Recent> recent = activity.recent(now, now.minus(spikes.window()),
                now.minus(CrisisSettings.NEGATIVE_WINDOW));
        Map<Key, List<Signal>> signals = new HashMap<>();
        for (WatchedScope scope : scopes.values()) {
            ScopeActivity.Recent counts = recent.getOrDefault(scope.key(), new ScopeActivity.Recent(0, 0, 0));
            volume(scope, current, counts, now).ifPresent(signal -> signals.computeIfAbsent(scope.key(), k -> new ArrayList<>()).add(signal));
            negative(scope, current, counts, now).ifPresent(signal -> signals.computeIfAbsent(scope.key(), k -> new ArrayList<>()).add(signal));
        }
        loudPosts(now, scopes).forEach((key, signal) -> signals.computeIfAbsent(key, k -> new ArrayList<>()).add(signal));

        List<CrisisDetected> raised = new ArrayList<>();
        signals.forEach((key, found) -> {
            for (Signal signal : found) {
                try {
                    crises.record(scopes.get(key), signal, now, settings.growthFactor(), spikes.window()).ifPresent(raised::add);
                } catch (RuntimeException e) {
                    log.warn("Could not record a {} crisis for {} {}", signal.kind(), key.type(), key.id(), e);
                }
            }
        });
        crises.endQuiet(now, settings.quietPeriod());
        return raised;
    }

    private Optional<Signal> volume(WatchedScope scope, Baselines current, ScopeActivity.Recent counts, Instant now) {
        return spikes.evaluate(current.volume(scope.key()), now, counts.inWindow())
                .map(spike -> new Signal(Kind.VOLUME, spike.posts(), 0, spike.reason(),
                        activity.drivingPosts(scope.key(), now.minus(spikes.window()), now, false)));
    }

    private Optional<Signal> negative(WatchedScope scope, Baselines current, ScopeActivity.Recent counts, Instant now) {
        return negativeShare.evaluate(counts.analysed(), counts.negatives(), current.usualShare(scope.key()))
                .map(wave -> new Signal(Kind.NEGATIVE_SHARE, wave.perMille(), wave.usualPerMille(), wave.reason(),
                        activity.drivingPosts(scope.key(), now.minus(CrisisSettings.NEGATIVE_WINDOW), now, true)));
    }

    /** The loudest fresh negative post of each scope, if any. */
    private Map<Key, Signal> loudPosts(Instant now, Map<Key, WatchedScope> scopes) {
        Map<Key, List<LoudPost>> byScope = new LinkedHashMap<>();
        for (LoudPost post : activity.loudPosts(now.minus(CrisisSettings.HIGH_REACH_WINDOW), now,
                settings.highReachFollowers(), settings.highReachScore())) {
            if (highReach.alarms(post.followers(), post.reach(), post.sentiment(), post.intents())) {
                post.scopes().stream().filter(scopes::containsKey)
                        .forEach(key -> byScope.computeIfAbsent(key, k -> new ArrayList<>()).add(post));
            }
        }
        Map<Key, Signal> signals = new HashMap<>();
        byScope.forEach((key, posts) -> {
            posts.sort(Comparator.comparing((LoudPost post) -> post.followers() == null ? 0L : post.followers()).reversed()
                    .thenComparing(Comparator.comparingInt(LoudPost::reach).reversed()));
            LoudPost loudest = posts.getFirst();
            long level = loudest.followers() == null ? 0 : loudest.followers();
            signals.put(key, new Signal(Kind.HIGH_REACH, level, 0,
                    HighReachPost.reason(loudest.authorHandle(), loudest.followers(), loudest.reach()),
                    posts.stream().map(LoudPost::id).limit(20).toList()));
        });
        return signals;
    }

    private Map<Key, WatchedScope> scopes() {
        Map<Key, WatchedScope> scopes = new LinkedHashMap<>();
        channels.brands().forEach(brand -> scopes.put(new Key(Scope.BRAND, brand.id()), new WatchedScope(Scope.BRAND, brand.id(), brand.name())));
        queries.all().forEach(query -> scopes.put(new Key(Scope.QUERY, query.id()), new WatchedScope(Scope.QUERY, query.id(), query.name())));
        return scopes;
    }

    /** The history changes by the hour, so the baselines are learned once an hour (one pass over the history). */
    private Baselines baselines(Instant now) {
        Instant to = now.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
        if (baselines == null || !baselines.to().equals(to)) {
            Instant from = ZonedDateTime.ofInstant(to, zone).minusWeeks(settings.historyWeeks()).toInstant();
            Map<Key, Map<Instant, Long>> hourly = activity.hourly(from, to, zone);
            Map<Key, ScopeActivity.Totals> totals = activity.totals(from, to);
            Map<Key, HourOfWeekBaseline> volume = new HashMap<>();
            Map<Key, Double> usualShare = new HashMap<>();
            totals.forEach((key, total) -> {
                // A scope is judged only against the time it existed: weeks before its first post are no quiet weeks.
                Instant first = total.firstPost().atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
                Instant start = first.isAfter(from) ? first : from;
                volume.put(key, HourOfWeekBaseline.learn(new HourlyHistory(zone, start, to, hourly.getOrDefault(key, Map.of()))));
                usualShare.put(key, NegativeShare.usualShare(total.analysed(), total.negatives()));
            });
            baselines = new Baselines(to, volume, usualShare);
        }
        return baselines;
    }

    private record Baselines(Instant to, Map<Key, HourOfWeekBaseline> volume, Map<Key, Double> usualShare) {

        private static final HourOfWeekBaseline NO_HISTORY = HourOfWeekBaseline.learn(HourlyHistory.empty(ZoneId.of("UTC"), Instant.EPOCH));

        HourOfWeekBaseline volume(Key key) {
            HourOfWeekBaseline learned = volume.get(key);
            return learned == null ? NO_HISTORY : learned;
        }

        double usualShare(Key key) {
            return usualShare.getOrDefault(key, NegativeShare.usualShare(0, 0));
        }
    }
}
