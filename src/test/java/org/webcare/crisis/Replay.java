package org.webcare.crisis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.webcare.crisis.CrisisDetected.Kind;

/**
 * Replays one real week of tweets to an airline minute by minute through the detectors and the escalation rule, as the
 * watch would run them every minute, and records every alert.
 * <p>
 * The data holds one week only (Tuesday 17 to Monday 23 February 2015), so the history the baseline learns from is
 * built by replaying it: six earlier weeks are formed from the real days, rotated so that each day of the replayed
 * week learns from the same hours of the six other days, never from itself. What this cannot show is a difference
 * between weekdays (every slot learns from all other days alike).
 */
final class Replay {

    static final Instant WEEK = Instant.parse("2015-02-17T00:00:00Z");
    static final Instant WEEK_END = WEEK.plus(7, ChronoUnit.DAYS);
    static final Duration CHECK = Duration.ofMinutes(1);

    record Tweet(Instant at, boolean negative) {
    }

    record Alert(Kind kind, Instant at, long level, boolean start, String reason) {
    }

    private final List<Tweet> real;
    private final List<Tweet> tweets;
    private final SpikeDetector spikes;
    private final NegativeShare negativeShare = new NegativeShare(20);
    private final Duration negativeWindow = Duration.ofHours(1);
    private final double growthFactor = 1.5;
    private final Duration quietPeriod = Duration.ofHours(1);

    private Replay(List<Tweet> real, List<Tweet> tweets, SpikeDetector spikes) {
        this.real = List.copyOf(real);
        this.tweets = List.copyOf(tweets);
        this.spikes = spikes;
    }

    /** The detector with the product's default settings. */
    static SpikeDetector defaultSpikes() {
        return new SpikeDetector(Duration.ofMinutes(15), 10, 3.0);
    }

    /** The same replay with another volume detector. */
    Replay detecting(SpikeDetector detector) {
        return new Replay(real, tweets, detector);
    }

    static Replay of(String airline) {
        List<Tweet> real = load(airline);
        return new Replay(real, real, defaultSpikes());
    }

    static List<Tweet> load(String airline) {
        List<Tweet> tweets = new ArrayList<>();
        try (var in = Replay.class.getResourceAsStream("/crisis/airline-tweet-times.csv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.startsWith("created,")) {
                    continue;
                }
                String[] fields = line.split(",");
                if (fields[1].equals(airline)) {
                    tweets.add(new Tweet(LocalDateTime.parse(fields[0]).toInstant(ZoneOffset.UTC), fields[2].equals("negative")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tweets;
    }

    List<Tweet> tweets() {
        return tweets;
    }

    /** This week's tweets plus extra ones, e.g. an injected surge; the history stays that of the real tweets. */
    Replay with(List<Tweet> extra) {
        List<Tweet> all = new ArrayList<>(tweets);
        all.addAll(extra);
        return new Replay(real, all, spikes);
    }

    static List<Tweet> surge(Instant start, int posts, Duration over, boolean negative) {
        List<Tweet> extra = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            extra.add(new Tweet(start.plusSeconds(over.toSeconds() * i / posts), negative));
        }
        return extra;
    }

    /** Six weeks before the replayed one, each day taken from another real day (never the day it is compared with). */
    HourlyHistory history() {
        Map<Instant, Long> counts = new HashMap<>();
        for (Tweet tweet : real) {
            long day = Duration.between(WEEK, tweet.at()).toDays();
            Duration timeOfDay = Duration.between(WEEK.plus(day, ChronoUnit.DAYS), tweet.at());
            for (int week = 1; week <= 6; week++) {
                long targetDay = Math.floorMod(day - week, 7);
                Instant at = WEEK.minus(7L * week, ChronoUnit.DAYS).plus(targetDay, ChronoUnit.DAYS).plus(timeOfDay);
                counts.merge(at.truncatedTo(ChronoUnit.HOURS), 1L, Long::sum);
            }
        }
        return new HourlyHistory(ZoneOffset.UTC, WEEK.minus(42, ChronoUnit.DAYS), WEEK, counts);
    }

    /** The usual negative share for a day of the replayed week: that of the six other days. */
    double usualShare(Instant at) {
        long day = Duration.between(WEEK, at).toDays();
        long posts = 0;
        long negatives = 0;
        for (Tweet tweet : real) {
            if (Duration.between(WEEK, tweet.at()).toDays() != day) {
                posts++;
                negatives += tweet.negative() ? 1 : 0;
            }
        }
        return NegativeShare.usualShare(posts, negatives);
    }

    /** Replays the minutes from {@code from} to {@code to}, checking once a minute, and returns the alerts fired. */
    List<Alert> run(Instant from, Instant to) {
        HourOfWeekBaseline baseline = HourOfWeekBaseline.learn(history());
        long[] perMinute = new long[(int) Duration.between(WEEK.minus(1, ChronoUnit.DAYS), WEEK_END.plus(1, ChronoUnit.DAYS)).toMinutes()];
        long[] negativePerMinute = new long[perMinute.length];
        for (Tweet tweet : tweets) {
            int index = minute(tweet.at());
            perMinute[index]++;
            negativePerMinute[index] += tweet.negative() ? 1 : 0;
        }
        Map<Kind, Open> open = new EnumMap<>(Kind.class);
        List<Alert> alerts = new ArrayList<>();
        for (Instant now = from; now.isBefore(to); now = now.plus(CHECK)) {
            long inWindow = sum(perMinute, now, spikes.window());
            Optional<SpikeDetector.Spike> spike = spikes.evaluate(baseline, now, inWindow);
            Map<Kind, Signal> signals = new EnumMap<>(Kind.class);
            final Instant at = now;
            spike.ifPresent(s -> signals.put(Kind.VOLUME, new Signal(Kind.VOLUME, s.posts(), 0, s.reason(), List.of())));
            negativeShare.evaluate(sum(perMinute, now, negativeWindow), sum(negativePerMinute, now, negativeWindow), usualShare(now))
                    .ifPresent(w -> signals.put(Kind.NEGATIVE_SHARE,
                            new Signal(Kind.NEGATIVE_SHARE, w.perMille(), w.usualPerMille(), w.reason(), List.of())));
            for (Kind kind : List.of(Kind.VOLUME, Kind.NEGATIVE_SHARE)) {
                Signal signal = signals.get(kind);
                Open current = open.get(kind);
                if (signal == null) {
                    if (current != null && Escalation.over(current.lastAbnormalAt, at, quietPeriod)) {
                        open.remove(kind);
                    }
                } else if (current == null) {
                    open.put(kind, new Open(signal.level(), at, at));
                    alerts.add(new Alert(kind, at, signal.level(), true, signal.reason()));
                } else {
                    current.lastAbnormalAt = at;
                    if (Escalation.refires(current.level, current.firedAt, signal.level(), signal.normalLevel(), at,
                            growthFactor, spikes.window())) {
                        current.level = signal.level();
                        current.firedAt = at;
                        alerts.add(new Alert(kind, at, signal.level(), false, signal.reason()));
                    }
                }
            }
        }
        return alerts;
    }

    /** Posts created in {@code (now - window, now]}, as the watch counts them. */
    private static long sum(long[] perMinute, Instant now, Duration window) {
        long total = 0;
        int end = minute(now);
        for (int i = end - (int) window.toMinutes() + 1; i <= end; i++) {
            total += perMinute[i];
        }
        return total;
    }

    private static int minute(Instant at) {
        return (int) Duration.between(WEEK.minus(1, ChronoUnit.DAYS), at).toMinutes();
    }

    private static final class Open {
        long level;
        Instant firedAt;
        Instant lastAbnormalAt;

        Open(long level, Instant firedAt, Instant lastAbnormalAt) {
            this.level = level;
            this.firedAt = firedAt;
            this.lastAbnormalAt = lastAbnormalAt;
        }
    }
}
