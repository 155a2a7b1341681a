package org.webcare.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.webcare.channel.Brand;
import org.webcare.channel.ChannelType;
import org.webcare.channel.Channels;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.reporting.KpiDimension;
import org.webcare.reporting.KpiQuery;
import org.webcare.reporting.KpiReport;
import org.webcare.reporting.KpiReports;
import org.webcare.routing.Queues;
import org.webcare.routing.Strategy;
import org.webcare.shared.Visibility;

/**
 * {@code bench reports}: the 30-day KPI report on an archive of millions of posts while intake keeps running.
 *
 * <p>On a throw-away embedded database it creates ~100 brands with two channels and a team each, then generates the
 * posts, cases, case posts, replies, routing and SLA clocks with set-based SQL (generate_series) straight into the
 * tables, and their measure rows alongside. That bypasses intake on purpose: pushing millions of posts through
 * analysis, threading and routing would take hours, and the report reads only the stored rows. While the report runs
 * N times (all brands by brand, and one brand), a background thread keeps accepting posts through the real
 * {@link Intake}, whose measure rows are written in its transactions as in production. The same report is then
 * computed the naive way from the base tables (post, reply, support_case, sla_clock) as the baseline.
 */
final class ReportsBenchmark {

    private static final int BRANDS = 100;
    private static final Duration PERIOD = Duration.ofDays(30);

    private final PrintStream out;
    private final JdbcTemplate jdbc;
    private final Channels channels;
    private final Queues queues;
    private final Intake intake;
    private final KpiReports reports;

    ReportsBenchmark(PrintStream out, JdbcTemplate jdbc, Channels channels, Queues queues, Intake intake, KpiReports reports) {
        this.out = out;
        this.jdbc = jdbc;
        this.channels = channels;
        this.queues = queues;
        this.intake = intake;
        this.reports = reports;
    }

    static int run(Class<?> application, Arguments arguments, PrintStream out) {
        arguments.allowOnly(Set.of("posts", "days", "runs"));
        long posts = Long.parseLong(arguments.option("posts").orElse("5000000"));
        int days = Integer.parseInt(arguments.option("days").orElse("365"));
        int runs = Integer.parseInt(arguments.option("runs").orElse("20"));
        if (posts < 1000 || days < 31 || runs < 1) {
            throw new Arguments.UsageException("--posts must be at least 1000, --days at least 31 and --runs at least 1");
        }
        return CommandLine.onThrowawayDatabase(application, context -> new ReportsBenchmark(out,
                        context.getBean(JdbcTemplate.class), context.getBean(Channels.class), context.getBean(Queues.class),
                        context.getBean(Intake.class), context.getBean(KpiReports.class)).run(posts, days, runs),
                // Generating millions of rows takes single statements far past the usual 30-second query limit.
                "--spring.jdbc.template.query-timeout=0",
                // The sweeps would route, close and clock the generated cases while they are being written.
                "--webcare.cases.housekeeping-interval=PT24H", "--webcare.routing.sweep-interval=PT24H",
                "--webcare.sla.check-interval=PT24H");
    }

    int run(long posts, int days, int runs) {
        out.printf(Locale.ROOT, "machine: %d cores, %.1f GiB memory (JVM max %.1f GiB)%n", Runtime.getRuntime().availableProcessors(),
                totalMemoryGiB(), Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024));
        long started = System.nanoTime();
        List<Long> liveChannels = setUp();
        generate(posts, days);
        out.printf(Locale.ROOT, "generated %,d posts over %d days, %,d cases, %,d replies, %,d SLA clocks with their measure rows in %.0f s%n",
                posts, days, count("support_case"), count("reply"), count("sla_clock"), (System.nanoTime() - started) / 1e9);

        Instant to = Instant.now();
        KpiQuery all = new KpiQuery(to.minus(PERIOD), to, null, null, null, null);
        long oneBrand = jdbc.queryForObject("select min(id) from brand", Long.class);
        KpiQuery one = new KpiQuery(to.minus(PERIOD), to, oneBrand, null, null, null);
        reports.report(all, KpiDimension.BRAND); // warm the caches once, as a running server has them

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong accepted = new AtomicLong();
        // Intake's first posts load the analysis models; warm it up so the rate below is the steady one.
        AtomicBoolean warm = new AtomicBoolean();
        Thread warmUp = new Thread(() -> feed(liveChannels, warm, new AtomicLong(), "warm-"), "bench-warm-up");
        warmUp.start();
        sleep(Duration.ofSeconds(10));
        warm.set(true);
        join(warmUp);
        Thread feeder = new Thread(() -> feed(liveChannels, stop, accepted, "live-"), "bench-intake");
        feeder.start();
        long feedStarted = System.nanoTime();
        List<Double> allBrands = time(runs, () -> reports.report(all, KpiDimension.BRAND));
        List<Double> single = time(runs, () -> reports.report(one, KpiDimension.BRAND));
        stop.set(true);
        join(feeder);
        double fed = (System.nanoTime() - feedStarted) / 1e9;
        out.printf(Locale.ROOT, "intake alongside: %,d posts in %.1f s = %.0f posts/s (real Intake: analysis, threading, cases, routing)%n",
                accepted.get(), fed, accepted.get() / fed);
        print("30-day report, all brands, by brand", allBrands);
        print("30-day report, one brand", single);

        List<Double> naive = time(Math.max(1, Math.min(runs, 3)), () -> naive(all));
        print("baseline: the same from the base tables", naive);
        out.printf(Locale.ROOT, "ratio baseline/measures (p50, all brands): %.1fx%n", median(naive) / median(allBrands));

        KpiReport report = reports.report(all, KpiDimension.BRAND);
        Totals baseline = naive(all);
        Totals measured = new Totals(report.total().monitored(), report.total().answered(), report.total().replyTime().count(),
                report.total().replyTime().medianMinutes(), report.total().firstResponse().count(),
                report.total().firstResponse().withinTarget(), report.total().resolution().count(), report.total().resolution().p90Minutes());
        out.println("measures:  " + measured);
        out.println("baseline:  " + baseline);
        out.println("same figures: " + (close(measured, baseline) ? "yes" : "NO"));
        return close(measured, baseline) ? 0 : 1;
    }

    /** ~100 brands, each with a public channel, a private one and a team queue; returns the channels the live feed uses. */
    private List<Long> setUp() {
        List<Long> live = new ArrayList<>();
        jdbc.execute("create temporary table bench_channel (idx int primary key, channel_id bigint, brand_id bigint, team text)");
        int idx = 0;
        for (int b = 0; b < BRANDS; b++) {
            Brand brand = channels.createBrand(String.format(Locale.ROOT, "Brand%03d", b), List.of("@brand" + b));
            queues.create(brand.id(), "Webcare", "Team " + (b % 10), Strategy.MANUAL, true, List.of());
            for (String name : List.of("X", "DM")) {
                long channel = channels.createChannel(brand.id(), ChannelType.API, name, "http://127.0.0.1:9/" + name, true).channel().id();
                jdbc.update("insert into bench_channel values (?, ?, ?, ?)", idx++, channel, brand.id(), "Team " + (b % 10));
                if (live.size() < 10) {
                    live.add(channel);
                }
            }
        }
        return live;
    }

    /**
     * One post per conversation: 40% addressed and 10% private (these open a case), 1 in 7 negative; 90% of cases
     * answered within 10 hours, 85% resolved within two days after that; a third have an SLA first-response clock
     * of one hour. Times are spread evenly over the period up to now.
     */
    private void generate(long posts, int days) {
        int channelCount = jdbc.queryForObject("select count(*) from bench_channel", Integer.class);
        jdbc.execute("set synchronous_commit = off");
        long t = System.nanoTime();
        long chunk = 1_000_000;
        for (long first = 1; first <= posts; first += chunk) {
            jdbc.update("""
                insert into post (id, channel_id, external_id, author_handle, text, visibility, created_at, received_at,
                                  thread_id, lang, sentiment, sentiment_score, intents, addressed, reach, channel_type)
                select g, bc.channel_id, 'bench-' || g, 'user' || g, 'bench post ' || g,
                       case when g % 10 = 0 then 'PRIVATE' else 'PUBLIC' end, at, at, g, 'en',
                       case g % 7 when 0 then 'NEGATIVE' when 1 then 'POSITIVE' else 'NEUTRAL' end, 0, '{}', g % 5 < 2, 0, 'api'
                from generate_series(?, ?) g
                     cross join lateral (select now() - make_interval(secs => (? - g) * (? * 86400.0 / ?)) as at) a
                     join bench_channel bc on bc.idx = g % ?""", first, Math.min(posts, first + chunk - 1), posts, days, posts,
                    channelCount);
            out.printf(Locale.ROOT, "  posts up to %,d%n", Math.min(posts, first + chunk - 1));
        }
        step("posts", t);
        t = System.nanoTime();
        jdbc.update("""
                insert into support_case (id, brand_id, channel_id, customer_handle, status, impact, urgency, priority,
                                          opened_at, first_customer_post_at, last_customer_post_at, first_agent_reply_at,
                                          last_agent_reply_at, status_changed_at, resolved_at)
                overriding system value
                select c.id, c.brand_id, c.channel_id, c.author_handle, case when c.res is null then 'OPEN' else 'RESOLVED' end,
                       'LOW', 'MEDIUM', 4, c.created_at, c.created_at, c.created_at, c.rep, c.rep, coalesce(c.res, c.created_at), c.res
                from (select r.*, case when r.rep is not null and r.id % 20 < 17
                                        and r.rep + ((r.id * 104729) % 2880) * interval '1 minute' < now()
                                       then r.rep + ((r.id * 104729) % 2880) * interval '1 minute' end as res
                      from (select p.id, p.channel_id, p.author_handle, p.created_at, bc.brand_id,
                                   case when p.id % 10 <> 9 and p.created_at + ((p.id * 7919) % 600) * interval '1 minute' < now()
                                        then p.created_at + ((p.id * 7919) % 600) * interval '1 minute' end as rep
                            from post p join bench_channel bc on bc.channel_id = p.channel_id
                            where p.addressed or p.visibility = 'PRIVATE') r) c""");
        jdbc.execute("select setval(pg_get_serial_sequence('post', 'id'), (select max(id) from post))");
        jdbc.execute("select setval(pg_get_serial_sequence('support_case', 'id'), (select max(id) from support_case))");
        jdbc.update("insert into case_post (post_id, case_id) select id, id from support_case");
        jdbc.update("""
                insert into case_queue (case_id, queue_id, routed_at)
                select sc.id, q.id, sc.opened_at from support_case sc join routing_queue q on q.brand_id = sc.brand_id and q.is_default""");
        step("cases", t);
        t = System.nanoTime();
        // Delivered replies all point at one delivered message per channel: the outbox is not what is measured.
        jdbc.update("""
                insert into outbound_message (channel_id, idempotency_key, payload, state, sent_at)
                select channel_id, gen_random_uuid(), '{}', 'SENT', now() from bench_channel""");
        jdbc.update("""
                insert into reply (id, post_id, author_user_id, author_name, text, visibility, outbound_message_id, created_at)
                overriding system value
                select sc.id, sc.id, null, 'Agent ' || (sc.id % 20), 'On it.', 'PUBLIC', m.id, sc.first_agent_reply_at
                from support_case sc join outbound_message m on m.channel_id = sc.channel_id
                where sc.first_agent_reply_at is not null""");
        jdbc.execute("select setval(pg_get_serial_sequence('reply', 'id'), (select max(id) from reply))");
        jdbc.update("""
                insert into sla_clock (case_id, kind, turn, target_seconds, working, started_at, due_at, warn_at, stopped_at, outcome)
                select sc.id, 'first-response', 0, 3600, false, sc.opened_at, sc.opened_at + interval '1 hour',
                       sc.opened_at + interval '45 minutes', sc.first_agent_reply_at,
                       case when sc.first_agent_reply_at is null then null
                            when sc.first_agent_reply_at <= sc.opened_at + interval '1 hour' then 'met' else 'breached' end
                from support_case sc where sc.id % 3 = 0
                on conflict do nothing""");
        step("replies and SLA clocks", t);
        t = System.nanoTime();
        // The measure rows, as KpiMeasures writes them (no calendars here, so no working minutes).
        jdbc.update("""
                insert into kpi_post (post_id, created_at, brand_id, channel_id, case_id, addressed, negative, positive, answered)
                select p.id, p.created_at, bc.brand_id, p.channel_id, sc.id, p.addressed or p.visibility = 'PRIVATE',
                       p.sentiment = 'NEGATIVE', p.sentiment = 'POSITIVE', sc.first_agent_reply_at is not null
                from post p join bench_channel bc on bc.channel_id = p.channel_id left join support_case sc on sc.id = p.id""");
        jdbc.update("""
                insert into kpi_reply (reply_id, created_at, brand_id, channel_id, case_id, post_id, post_created_at,
                                       agent_user_id, agent_key, minutes)
                select r.id, r.created_at, bc.brand_id, p.channel_id, r.post_id, p.id, p.created_at, null, r.author_name,
                       extract(epoch from (r.created_at - p.created_at)) / 60.0
                from reply r join post p on p.id = r.post_id join bench_channel bc on bc.channel_id = p.channel_id""");
        jdbc.update("""
                insert into kpi_case (case_id, brand_id, channel_id, team, agent_user_id, opened_at, first_customer_post_at,
                                      first_agent_reply_at, resolved_at, done_at, first_response_minutes, first_response_within,
                                      resolution_minutes, resolution_within, public_to_private)
                select sc.id, sc.brand_id, sc.channel_id, bc.team, null, sc.opened_at, sc.first_customer_post_at,
                       sc.first_agent_reply_at, sc.resolved_at, sc.resolved_at, m.fr,
                       case when m.fr is null then null when k.target_seconds is not null then m.fr * 60 <= k.target_seconds
                            else m.fr <= 240 end,
                       m.rs, case when m.rs is null then null else m.rs <= 1440 end, false
                from support_case sc join bench_channel bc on bc.channel_id = sc.channel_id
                     left join sla_clock k on k.case_id = sc.id and k.kind = 'first-response'
                     cross join lateral (select extract(epoch from (sc.first_agent_reply_at - sc.first_customer_post_at)) / 60.0 as fr,
                                                extract(epoch from (sc.resolved_at - sc.first_customer_post_at)) / 60.0 as rs) m""");
        step("measure rows", t);
        t = System.nanoTime();
        jdbc.execute("vacuum analyze kpi_post");
        jdbc.execute("vacuum analyze kpi_reply");
        jdbc.execute("vacuum analyze kpi_case");
        jdbc.execute("vacuum analyze post");
        jdbc.execute("vacuum analyze reply");
        jdbc.execute("vacuum analyze support_case");
        jdbc.execute("vacuum analyze sla_clock");
        jdbc.execute("vacuum analyze case_post");
        step("vacuum analyze", t);
        jdbc.execute("set synchronous_commit = on");
    }

    private void step(String what, long started) {
        out.printf(Locale.ROOT, "  %-24s %6.0f s%n", what, (System.nanoTime() - started) / 1e9);
    }

    /** Customers writing to the brands through the real intake, as fast as one thread can, until told to stop. */
    private void feed(List<Long> liveChannels, AtomicBoolean stop, AtomicLong accepted, String prefix) {
        long n = 0;
        while (!stop.get()) {
            long channel = liveChannels.get((int) (n % liveChannels.size()));
            intake.accept(new InboundPost(channel, prefix + n, prefix + n, null, "@brand where is my parcel? order " + n,
                    n % 10 == 0 ? Visibility.PRIVATE : Visibility.PUBLIC, Instant.now(), null, null, n % 5 < 2, List.of(), "api", null));
            accepted.incrementAndGet();
            n++;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Double> time(int runs, Supplier<?> report) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            report.get();
            millis.add((System.nanoTime() - started) / 1e6);
        }
        return millis;
    }

    private void print(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        out.printf(Locale.ROOT, "%-44s runs %3d  p50 %8.1f ms  p95 %8.1f ms  max %8.1f ms%n", what, sorted.size(),
                median(sorted), sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1), sorted.getLast());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    record Totals(long monitored, long answered, long replies, Double replyMedian, long firstResponses,
                  Double firstResponseWithin, long resolved, Double resolutionP90) {
    }

    private static boolean close(Totals a, Totals b) {
        return a.monitored() == b.monitored() && a.answered() == b.answered() && a.replies() == b.replies()
                && a.firstResponses() == b.firstResponses() && a.resolved() == b.resolved()
                && near(a.replyMedian(), b.replyMedian()) && near(a.firstResponseWithin(), b.firstResponseWithin())
                && near(a.resolutionP90(), b.resolutionP90());
    }

    private static boolean near(Double a, Double b) {
        return a == null ? b == null : b != null && Math.abs(a - b) < 1e-6;
    }

    /**
     * The report the naive way: straight from the base tables, per brand, with the same definitions (answered through
     * the case's later messages, agent replies without automatic ones, targets from the SLA clock or the default).
     */
    Totals naive(KpiQuery query) {
        java.sql.Timestamp from = java.sql.Timestamp.from(query.from());
        java.sql.Timestamp to = java.sql.Timestamp.from(query.to());
        List<Object[]> perBrand = jdbc.query("""
                with posts as (
                    select c.brand_id, count(*) as monitored,
                           count(*) filter (where (p.addressed or p.visibility = 'PRIVATE') and exists (
                               select 1 from case_post cp join case_post later on later.case_id = cp.case_id
                                    join post q on q.id = later.post_id join reply r on r.post_id = q.id
                               where cp.post_id = p.id and q.created_at >= p.created_at and r.outbound_message_id is not null
                                 and not exists (select 1 from sla_auto_reply a where a.reply_id = r.id))) as answered
                    from post p join channel c on c.id = p.channel_id
                    where p.created_at >= ? and p.created_at < ? group by c.brand_id),
                replies as (
                    select c.brand_id, count(*) as n,
                           percentile_cont(0.5) within group (order by extract(epoch from (r.created_at - p.created_at)) / 60.0) as median
                    from reply r join post p on p.id = r.post_id join channel c on c.id = p.channel_id
                    where r.created_at >= ? and r.created_at < ? and r.outbound_message_id is not null
                      and not exists (select 1 from sla_auto_reply a where a.reply_id = r.id)
                    group by c.brand_id),
                opened as (
                    select sc.brand_id, count(sc.first_agent_reply_at) as n,
                           avg(case when (extract(epoch from (sc.first_agent_reply_at - sc.first_customer_post_at))
                                          <= coalesce(k.target_seconds, 14400)) then 1.0 else 0.0 end)
                               filter (where sc.first_agent_reply_at is not null) as within
                    from support_case sc
                         left join lateral (select target_seconds from sla_clock where case_id = sc.id and kind = 'first-response'
                                            order by turn limit 1) k on true
                    where sc.opened_at >= ? and sc.opened_at < ? group by sc.brand_id),
                resolved as (
                    select sc.brand_id, count(*) as n,
                           percentile_cont(0.9) within group (order by extract(epoch from (sc.resolved_at - sc.first_customer_post_at)) / 60.0) as p90
                    from support_case sc where sc.resolved_at >= ? and sc.resolved_at < ? group by sc.brand_id)
                select b.id, coalesce(p.monitored, 0), coalesce(p.answered, 0), coalesce(r.n, 0), r.median, coalesce(o.n, 0),
                       o.within, coalesce(s.n, 0), s.p90
                from brand b left join posts p on p.brand_id = b.id left join replies r on r.brand_id = b.id
                     left join opened o on o.brand_id = b.id left join resolved s on s.brand_id = b.id""",
                (rs, n) -> new Object[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getObject(5), rs.getLong(6),
                        rs.getObject(7), rs.getLong(8), rs.getObject(9)},
                from, to, from, to, from, to, from, to);
        // The totals over all brands; the per-brand medians above are what a naive report computes and pays for.
        Object[] total = jdbc.queryForObject("""
                select (select percentile_cont(0.5) within group (order by extract(epoch from (r.created_at - p.created_at)) / 60.0)
                        from reply r join post p on p.id = r.post_id
                        where r.created_at >= ? and r.created_at < ? and r.outbound_message_id is not null
                          and not exists (select 1 from sla_auto_reply a where a.reply_id = r.id)),
                       (select percentile_cont(0.9) within group (order by extract(epoch from (sc.resolved_at - sc.first_customer_post_at)) / 60.0)
                        from support_case sc where sc.resolved_at >= ? and sc.resolved_at < ?)""",
                (rs, n) -> new Object[] {rs.getObject(1), rs.getObject(2)}, from, to, from, to);
        long monitored = 0;
        long answered = 0;
        long replies = 0;
        long firstResponses = 0;
        double within = 0;
        long resolved = 0;
        for (Object[] row : perBrand) {
            monitored += (Long) row[0];
            answered += (Long) row[1];
            replies += (Long) row[2];
            long n = (Long) row[4];
            firstResponses += n;
            within += row[5] == null ? 0 : ((Number) row[5]).doubleValue() * n;
            resolved += (Long) row[6];
        }
        return new Totals(monitored, answered, replies, total[0] == null ? null : ((Number) total[0]).doubleValue(), firstResponses,
                firstResponses == 0 ? null : within / firstResponses, resolved, total[1] == null ? null : ((Number) total[1]).doubleValue());
    }

    private static double totalMemoryGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / (1024.0 * 1024);
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // unknown: printed as 0
        }
        return 0;
    }
}
