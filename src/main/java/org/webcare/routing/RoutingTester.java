package org.webcare.routing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.webcare.analysis.Analysis;
import org.webcare.cases.Cases;
import org.webcare.cases.Priority;
import org.webcare.channel.Brand;
import org.webcare.channel.Channel;
import org.webcare.channel.Channels;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.intake.Post;
import org.webcare.shared.Visibility;

/**
 * Tries the routing rules with a sample post: analysed and matched against the saved queries as intake would, given
 * the priority its case would get, then routed as a new case would be. Nothing is stored and no turn moves.
 */
@Service
public class RoutingTester {

    static final String SAMPLE_HANDLE = "@sample";

    private final Intake intake;
    private final Channels channels;
    private final Cases cases;
    private final CaseFactsReader facts;
    private final Router router;
    private final AgentPicker picker;
    private final CustomerTags tags;

    RoutingTester(Intake intake, Channels channels, Cases cases, CaseFactsReader facts, Router router, AgentPicker picker,
                  CustomerTags tags) {
        this.intake = intake;
        this.channels = channels;
        this.cases = cases;
        this.facts = facts;
        this.router = router;
        this.picker = picker;
        this.tags = tags;
    }

    public RoutingTrial test(SamplePost sample) {
        if (sample == null || sample.channelId() == null) {
            throw new IllegalArgumentException("channelId: is required");
        }
        Channel channel = channels.channel(sample.channelId())
                .orElseThrow(() -> new IllegalArgumentException("channelId: no channel with id " + sample.channelId()));
        if (sample.followers() != null && sample.followers() < 0) {
            throw new IllegalArgumentException("followers: cannot be negative, got " + sample.followers());
        }
        String handle = sample.authorHandle() == null || sample.authorHandle().isBlank() ? SAMPLE_HANDLE : sample.authorHandle().strip();
        List<String> brandHandles = channels.brand(channel.brandId()).map(Brand::handles).orElse(List.of());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Visibility visibility = Boolean.TRUE.equals(sample.privateMessage()) ? Visibility.PRIVATE : Visibility.PUBLIC;
        InboundPost inbound = new InboundPost(channel.id(), "routing-test", handle, null, sample.text(), visibility, now, null,
                sample.followers(), Boolean.TRUE.equals(sample.toBrand()), brandHandles, channel.type().id(), null, null);
        Intake.PostTrial trial = intake.trial(inbound, sample.language());
        Analysis analysis = trial.analysis();
        Post post = new Post(0, channel.id(), "routing-test", handle, null, trial.text(), trial.visibility(), now, now, null,
                null, 0, analysis, trial.matchedQueries(), sample.followers(), channel.type().id(), null, null, null);
        Priority priority = cases.assessNew(post);
        List<String> customerTags = sample.customerTags() != null ? CustomerTags.normalise("customerTags", sample.customerTags())
                : handle.equals(SAMPLE_HANDLE) ? List.of() : tags.of(channel.brandId(), handle);
        CaseFacts caseFacts = facts.of(channel.brandId(), post, priority.value(), customerTags);
        RoutingDecision decision = router.decide(caseFacts);
        AgentPicker.Preview preview = decision.routed() ? picker.preview(decision.queue(), caseFacts) : null;
        Set<String> sortedTags = new TreeSet<>(caseFacts.customerTags());
        return new RoutingTrial(trial.text(), analysis.language().code(), analysis.sentiment().label(), analysis.intents(),
                analysis.addressed(), analysis.reach(), caseFacts.queryNames(), priority, sortedTags, decision.verdicts(),
                decision.queue(), decision.rule(), preview == null ? null : preview.chosen(),
                preview == null ? List.of() : preview.members());
    }
}
