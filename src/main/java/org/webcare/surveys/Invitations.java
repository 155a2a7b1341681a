package org.webcare.surveys;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.webcare.cases.Case;
import org.webcare.cases.CaseStatus;
import org.webcare.cases.CaseStatusChanged;
import org.webcare.cases.CaseView;
import org.webcare.cases.Cases;
import org.webcare.cases.Replies;
import org.webcare.cases.Reply;
import org.webcare.channel.Channel;
import org.webcare.channel.ChannelType;
import org.webcare.channel.Channels;
import org.webcare.channel.ConnectorChannels;
import org.webcare.channel.ReplyRules;
import org.webcare.intake.Post;
import org.webcare.shared.Visibility;

/**
 * Survey invitations. When a case is resolved its survey is scheduled (in the resolving transaction, so a resolution
 * and its survey commit together); once the brand's delay has passed, {@link #sendDue} claims it (row lock with
 * SKIP LOCKED, so with several nodes each survey is sent by one) and, when the case is still resolved, sends the
 * invitation as an automatic reply in the brand's name to the customer's latest post: privately where the channel
 * allows it, in Dutch when the customer wrote Dutch, else English. Whatever stops it is recorded as the reason.
 */
@Service
public class Invitations {

    private static final Logger log = LoggerFactory.getLogger(Invitations.class);

    private final SurveyRepository repository;
    private final SurveySettingsStore settings;
    private final SurveyOptions options;
    private final SurveyLinks links;
    private final Cases cases;
    private final Replies replies;
    private final Channels channels;
    private final ConnectorChannels connectorChannels;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Invitations(SurveyRepository repository, SurveySettingsStore settings, SurveyOptions options, SurveyLinks links,
                Cases cases, Replies replies, Channels channels, ConnectorChannels connectorChannels, JdbcClient jdbc,
                TransactionTemplate transactions, ObjectProvider<Clock> clock) {
        this.repository = repository;
        this.settings = settings;
        this.options = options;
        this.links = links;
        this.cases = cases;
        this.replies = replies;
        this.channels = channels;
        this.connectorChannels = connectorChannels;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /**
     * A resolved case gets its survey scheduled when the brand surveys; a case resolved long ago (history brought in
     * by an import) does not. A case that reopens keeps its scheduled survey until {@link #sendDue} finds it active
     * and cancels it; resolving it again schedules it anew.
     */
    @EventListener
    void on(CaseStatusChanged changed) {
        // Replayed history asks nobody, however recent it is: those customers were never served through Webcare.
        if (changed.to() != CaseStatus.RESOLVED || org.webcare.shared.HistoryReplay.active()) {
            return;
        }
        Case resolved = cases.get(changed.caseId());
        SurveySettings brand = settings.stored(resolved.brandId());
        if (!brand.enabled() || resolved.resolvedAt() == null || resolved.mergedIntoId() != null) {
            return;
        }
        Instant now = clock.instant();
        if (resolved.resolvedAt().isBefore(now.minus(options.recentWithin()))) {
            return;
        }
        repository.schedule(resolved.id(), resolved.brandId(), resolved.channelId(), resolved.customerHandle(),
                resolved.resolvedAt(), resolved.resolvedAt().plus(brand.delay()));
    }

    /** Sends every survey due at {@code now}, each in its own transaction; returns how many were handled. */
    public int sendDue(Instant now) {
        int handled = 0;
        while (true) {
            Boolean found = transactions.execute(status -> repository.claimDue(now).map(survey -> {
                handle(survey, now);
                return true;
            }).orElse(false));
            if (!Boolean.TRUE.equals(found)) {
                return handled;
            }
            handled++;
        }
    }

    /** The survey of a case, if it has one. */
    public Optional<Survey> ofCase(long caseId) {
        return repository.ofCase(caseId);
    }

    private void handle(Survey survey, Instant now) {
        Case current = cases.get(survey.caseId());
        if (current.status().isActive() || current.mergedIntoId() != null) {
            repository.close(survey.id(), SurveyStatus.CANCELLED, current.mergedIntoId() != null
                    ? "the case was merged into #" + current.mergedIntoId() : "the case was reopened before the survey was due");
            return;
        }
        SurveySettings brand = settings.stored(survey.brandId());
        if (!brand.enabled()) {
            skip(survey, "surveys were turned off for the brand");
            return;
        }
        if (current.resolvedAt() == null || current.resolvedAt().isBefore(now.minus(options.recentWithin()).minus(brand.delay()))) {
            skip(survey, "the case was resolved too long ago");
            return;
        }
        // One customer's surveys are sent one at a time, so two cases resolved together ask them once.
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("survey-of:" + survey.brandId() + ":" + current.customerHandle().toLowerCase(Locale.ROOT))
                .query((rs, n) -> null).list();
        Optional<Instant> last = repository.lastSentTo(survey.brandId(), current.customerHandle());
        if (last.isPresent() && last.get().isAfter(now.minus(brand.customerInterval()))) {
            skip(survey, "the customer was asked on " + last.get() + ", within " + brand.customerInterval());
            return;
        }
        Channel channel = channels.channel(current.channelId()).orElse(null);
        if (channel == null || channel.type() == ChannelType.RSS) {
            skip(survey, "the case has no channel the customer can be answered in");
            return;
        }
        CaseView view = cases.view(current.id()).orElseThrow();
        List<Post> fromCustomer = view.posts().stream()
                .filter(post -> post.authorHandle().equalsIgnoreCase(current.customerHandle())).toList();
        if (fromCustomer.isEmpty()) {
            skip(survey, "the case has no post of the customer to answer");
            return;
        }
        Post latest = fromCustomer.stream().max(Comparator.comparing(Post::createdAt).thenComparing(Post::id)).orElseThrow();
        ReplyRules rules = connectorChannels.replyRules(channel.id()).orElse(ReplyRules.none(channel.allowsPrivate()));
        Visibility visibility;
        if (channel.allowsPrivate() && rules.privateAllowed()) {
            visibility = Visibility.PRIVATE;
        } else if (rules.publicAllowed()) {
            visibility = Visibility.PUBLIC;
        } else {
            skip(survey, "the channel takes neither public nor private replies");
            return;
        }
        AskBy askBy = brand.askBy() == AskBy.IN_CHANNEL && answersComeBack(channel) ? AskBy.IN_CHANNEL : AskBy.PAGE;
        String language = language(fromCustomer, latest);
        String token = SurveyTokens.TOKENS.create();
        String text = invitation(brand, askBy, language, channel.brandName(), token);
        // Asked first rather than caught: an exception out of the reply's transaction would doom this one too.
        Optional<String> refused = replies.refusal(latest.id(), text, visibility);
        if (refused.isPresent()) {
            // The platform's rules refuse it (its reply window closed, a text too long): nothing is queued.
            skip(survey, "the channel refuses the invitation: " + refused.get());
            return;
        }
        Reply reply = replies.sendAutomatic(latest.id(), text, visibility, channel.brandName());
        Agent agent = agent(current);
        repository.sent(survey.id(), brand.kind(), askBy, language, now, now.plus(options.linkValidFor()),
                SurveyTokens.TOKENS.hash(token), reply.id(), team(current.id()), agent.userId(), agent.name());
        log.debug("Survey {} of case {} sent ({}, {}, {})", survey.id(), current.id(), brand.kind(), askBy, language);
    }

    private void skip(Survey survey, String reason) {
        repository.close(survey.id(), SurveyStatus.SKIPPED, reason);
    }

    /**
     * Whether the customer's reply on this channel comes back into Webcare, which an in-channel survey needs: the demo
     * channel delivers replies nowhere, listening sources take none.
     */
    static boolean answersComeBack(Channel channel) {
        return channel.type() != ChannelType.DEMO && channel.type() != ChannelType.RSS;
    }

    /** Dutch when most of the customer's analysed posts are Dutch (a tie goes to their latest), else English. */
    static String language(List<Post> fromCustomer, Post latest) {
        Map<String, Long> counts = fromCustomer.stream().filter(post -> post.analysis() != null)
                .collect(Collectors.groupingBy(post -> "nl".equals(post.analysis().language().code()) ? "nl" : "en",
                        Collectors.counting()));
        long nl = counts.getOrDefault("nl", 0L);
        long en = counts.getOrDefault("en", 0L);
        if (nl != en) {
            return nl > en ? "nl" : "en";
        }
        return latest.analysis() != null && "nl".equals(latest.analysis().language().code()) ? "nl" : "en";
    }

    String invitation(SurveySettings brand, AskBy askBy, String language, String brandName, String token) {
        String question = brand.question(language, brandName);
        boolean nl = "nl".equals(language);
        if (askBy == AskBy.PAGE) {
            return question + (nl ? " Laat het ons weten: " : " Let us know: ") + links.page(token);
        }
        SurveyKind kind = brand.kind();
        return question + (nl ? " Antwoord met een cijfer van " + kind.min() + " tot " + kind.max() + " (" + kind.max() + " = " + best(kind, true) + ")."
                : " Reply with a number from " + kind.min() + " to " + kind.max() + " (" + kind.max() + " = " + best(kind, false) + ").");
    }

    private static String best(SurveyKind kind, boolean nl) {
        return switch (kind) {
            case CSAT -> nl ? "zeer tevreden" : "very satisfied";
            case CES -> nl ? "heel makkelijk" : "very easy";
            case NPS -> nl ? "zeer waarschijnlijk" : "extremely likely";
        };
    }

    private String team(long caseId) {
        return jdbc.sql("""
                        select q.team from case_queue cq join routing_queue q on q.id = cq.queue_id
                        where cq.case_id = ?""")
                .param(caseId).query(String.class).optional().filter(team -> !team.isBlank()).orElse(null);
    }

    /** The case's assignee, else the agent who replied last. */
    private Agent agent(Case current) {
        if (current.assigneeId() != null) {
            return new Agent(current.assigneeId(), current.assigneeName());
        }
        return jdbc.sql("""
                        select r.author_user_id, r.author_name from reply r join case_post cp on cp.post_id = r.post_id
                        where cp.case_id = ? and r.author_user_id is not null
                        order by r.created_at desc, r.id desc limit 1""")
                .param(current.id()).query((rs, n) -> new Agent(rs.getLong(1), rs.getString(2))).optional()
                .orElse(new Agent(null, null));
    }

    private record Agent(Long userId, String name) {
    }
}
