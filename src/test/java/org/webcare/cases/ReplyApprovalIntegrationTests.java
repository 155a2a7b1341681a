package org.webcare.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.webcare.channel.NewChannel;
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.ConflictException;
import org.webcare.shared.Visibility;
import org.webcare.support.Eventually;
import org.webcare.support.IntegrationTest;

/**
 * Replies held by approval policies: nothing goes out before a team lead approves, approval queues the reply exactly
 * once, returned replies go back to their author, and every step is in the case's history.
 */
class ReplyApprovalIntegrationTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-enough-password";

    @Autowired
    Intake intake;

    @Autowired
    Replies replies;

    @Autowired
    ReplyApprovals approvals;

    @Autowired
    ApprovalPolicies policies;

    @Autowired
    Cases cases;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void holdsEveryReplyOnABrandWithAnAllPolicyAndQueuesNothing() {
        ACase conversation = aCase(Visibility.PUBLIC);
        policies.create(conversation.brandId(), null, ApprovalPolicy.Kind.ALL, null);
        WebcareUser agent = anAgent(PASSWORD);

        Reply reply = replies.send(conversation.postId(), "Wat vervelend, we zoeken het uit.", Visibility.PUBLIC, agent.id(), agent.displayName());

        assertThat(reply.state()).isEqualTo(ReplyState.AWAITING_APPROVAL);
        assertThat(reply.delivery()).isNull();
        assertThat(reply.approval().reason()).isEqualTo("brand policy: all replies");
        assertThat(outboundMessages(conversation)).isZero();
        assertThat(jdbc.sql("select outbound_message_id from reply where id = ?").param(reply.id()).query(Long.class).optional()).isEmpty();
        assertThat(approvals.queue(500)).extracting(r -> r.reply().id()).contains(reply.id());
    }

    @Test
    void aPublicPolicyHoldsPublicRepliesAndLetsPrivateOnesGo() {
        ACase conversation = aCase(Visibility.PUBLIC);
        policies.create(conversation.brandId(), null, ApprovalPolicy.Kind.PUBLIC, null);
        WebcareUser agent = anAgent(PASSWORD);

        Reply publicReply = replies.send(conversation.postId(), "We sturen u een DM.", Visibility.PUBLIC, agent.id(), agent.displayName());
        Reply privateReply = replies.send(conversation.postId(), "Wat is uw ordernummer?", Visibility.PRIVATE, agent.id(), agent.displayName());

        assertThat(publicReply.state()).isEqualTo(ReplyState.AWAITING_APPROVAL);
        assertThat(privateReply.state()).isEqualTo(ReplyState.QUEUED);
        assertThat(privateReply.delivery()).isNotNull();
        assertThat(outboundMessages(conversation)).isOne();
    }

    @Test
    void aPriorityPolicyHoldsRepliesOnCasesOfThatPriorityOrMoreUrgentOnly() {
        ACase conversation = aCase(Visibility.PUBLIC);
        policies.create(conversation.brandId(), null, ApprovalPolicy.Kind.PRIORITY, 2);
        WebcareUser agent = anAgent(PASSWORD);
        WebcareUser lead = aLead();

        cases.overridePriority(conversation.caseId(), 3, Actor.user(lead.id(), lead.displayName()), "routine question");
        Reply onPriority3 = replies.send(conversation.postId(), "We kijken ernaar.", Visibility.PUBLIC, agent.id(), agent.displayName());
        cases.overridePriority(conversation.caseId(), 2, Actor.user(lead.id(), lead.displayName()), "the customer has a large audience");
        Reply onPriority2 = replies.send(conversation.postId(), "We kijken er nu naar.", Visibility.PUBLIC, agent.id(), agent.displayName());
        cases.overridePriority(conversation.caseId(), 1, Actor.user(lead.id(), lead.displayName()), "outage");
        Reply onPriority1 = replies.send(conversation.postId(), "We bellen u direct.", Visibility.PRIVATE, agent.id(), agent.displayName());

        assertThat(onPriority3.state()).isEqualTo(ReplyState.QUEUED);
        assertThat(onPriority2.state()).isEqualTo(ReplyState.AWAITING_APPROVAL);
        assertThat(onPriority2.approval().reason()).isEqualTo("brand policy: replies on priority 2 or more urgent");
        assertThat(onPriority1.state()).isEqualTo(ReplyState.AWAITING_APPROVAL);
    }

    @Test
    void anAgentPolicyHoldsThatAgentsRepliesOnAnyBrandButNotColleagues() {
        ACase first = aCase(Visibility.PUBLIC);
        ACase second = aCase(Visibility.PRIVATE);
        WebcareUser newHire = anAgent(PASSWORD);
        WebcareUser colleague = anAgent(PASSWORD);
        policies.create(null, newHire.id(), ApprovalPolicy.Kind.ALL, null);

        Reply onFirst = replies.send(first.postId(), "Dank voor uw bericht.", Visibility.PUBLIC, newHire.id(), newHire.displayName());
        Reply onSecond = replies.send(second.postId(), "Dank voor uw bericht.", Visibility.PRIVATE, newHire.id(), newHire.displayName());
        Reply byColleague = replies.send(first.postId(), "Dank voor uw bericht.", Visibility.PUBLIC, colleague.id(), colleague.displayName());

        assertThat(onFirst.state()).isEqualTo(ReplyState.AWAITING_APPROVAL);
        assertThat(onFirst.approval().reason()).isEqualTo("agent policy: all replies");
        assertThat(onSecond.state()).isEqualTo(ReplyState.AWAITING_APPROVAL);
        assertThat(byColleague.state()).isEqualTo(ReplyState.QUEUED);
    }

    @Test
    void aPublicAgentPolicyLetsThatAgentsPrivateRepliesGo() {
        ACase conversation = aCase(Visibility.PUBLIC);
        WebcareUser newHire = anAgent(PASSWORD);
        policies.create(null, newHire.id(), ApprovalPolicy.Kind.PUBLIC, null);

        assertThat(replies.send(conversation.postId(), "Zie DM.", Visibility.PUBLIC, newHire.id(), newHire.displayName()).state())
                .isEqualTo(ReplyState.AWAITING_APPROVAL);
        assertThat(replies.send(conversation.postId(), "Wat is uw adres?", Visibility.PRIVATE, newHire.id(), newHire.displayName()).state())
                .isEqualTo(ReplyState.QUEUED);
    }

    @Test
    void teamLeadsAreNeverHeldForTheirOwnReplies() {
        ACase conversation = aCase(Visibility.PUBLIC);
        policies.create(conversation.brandId(), null, ApprovalPolicy.Kind.ALL, null);
        WebcareUser lead = aLead();
        WebcareUser admin = anAdmin(PASSWORD);

        assertThat(replies.send(conversation.postId(), "Excuses, het is opgelost.", Visibility.PUBLIC, lead.id(), lead.displayName()).state())
                .isEqualTo(ReplyState.QUEUED);
        assertThat(replies.send(conversation.postId(), "Nogmaals excuses.", Visibility.PUBLIC, admin.id(), admin.displayName()).state())
                .isEqualTo(ReplyState.QUEUED);
        assertThat(outboundMessages(conversation)).isEqualTo(2);
        assertThatThrownBy(() -> policies.create(null, lead.id(), ApprovalPolicy.Kind.ALL, null))
                .hasMessageStartingWith("userId: team leads' replies are never held");
    }

    @Test
    void approvingQueuesTheReplyOnceAndOnlyThenCountsAsTheTeamsReply() {
        ACase conversation = aCase(Visibility.PUBLIC);
        policies.create(conversation.brandId(), null, ApprovalPolicy.Kind.ALL, null);
        WebcareUser agent = anAgent(PASSWORD);
        WebcareUser lead = aLead();
        Reply held = replies.send(conversation.postId(), "We zoeken het voor u uit.", Visibility.PUBLIC, agent.id(), agent.displayName());

        Case waiting = cases.get(conversation.caseId());
        assertThat(waiting.firstAgentReplyAt()).as("a held reply is not a reply to the customer yet").isNull();
        assertThat(waiting.status()).isEqualTo(CaseStatus.NEW);

        Reply approved = approvals.approve(held.id(), null, Actor.user(lead.id(), lead.displayName()));

        assertThat(approved.state()).isEqualTo(ReplyState.QUEUED);
        assertThat(approved.delivery()).isNotNull();
        assertThat(approved.approval().decidedBy()).isEqualTo(lead.displayName());
        assertThat(outboundMessages(conversation)).isOne();
        assertThat(payloadText(approved)).isEqualTo("We zoeken het voor u uit.");
        Case answered = cases.get(conversation.caseId());
        assertThat(answered.firstAgentReplyAt()).as("the reply time is when it was queued").isEqualTo(approved.approval().decidedAt());
        assertThat(answered.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(approvals.queue(500)).extracting(r -> r.reply().id()).doesNotContain(held.id());

        assertThatThrownBy(() -> approvals.approve(held.id(), null, Actor.user(lead.id(), lead.displayName())))
                .isInstanceOf(ConflictException.class)
                .hasMessage("state: reply " + held.id() + " is not awaiting approval: it was approved by " + lead.displayName());
        assertThat(outboundMessages(conversation)).isOne();
    }

    @Test
    void twoLeadsApprovingAtTheSameMomentQueueTheReplyOnce() throws Exception {
        ACase conversation = aCase(Visibility.PUBLIC);
        policies.create(conversation.brandId(), null, ApprovalPolicy.Kind.ALL, null);
        WebcareUser agent = anAgent(PASSWORD);
        WebcareUser first = aLead();
        WebcareUser second = aLead();
        Reply held = replies.send(conversation.postId(), "We zoeken het voor u uit.", Visibility.PUBLIC, agent.id(), agent.displayName());

        ExecutorService leads = Executors.newFixedThreadPool(2);
        List<Future<Reply>> clicks = new ArrayList<>();
        try {
            // Hold the reply's row, so both approvals reach their UPDATE and wait there together; then let go.
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                jdbc.sql("select id from reply where id = ? for update").param(held.id()).query(Long.class).single();
                for (WebcareUser lead : List.of(first, second)) {
                    clicks.add(leads.submit(() -> approvals.approve(held.id(), null, Actor.user(lead.id(), lead.displayName()))));
                }
                Eventually.within(Duration.ofSeconds(20), "both approvals wait for the reply's row",
                        () -> approvalsWaitingForALock() == 2 || clicks.stream().anyMatch(Future::isDone));
                assertThat(clicks).as("no approval gets past a locked reply").noneMatch(Future::isDone);
            });
            int approved = 0;
            int refused = 0;
            for (Future<Reply> click : clicks) {
                try {
                    assertThat(click.get().state()).isEqualTo(ReplyState.QUEUED);
                    approved++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ConflictException.class).hasMessageContaining("it was approved by");
                    refused++;
                }
            }
            assertThat(approved).isOne();
            assertThat(refused).isOne();
        } finally {
            leads.shutdownNow();
        }
        assertThat(outboundMessages(conversation)).isOne();
        assertThat(cases.history(conversation.caseId())).filteredOn(e -> e.kind().equals("approved")).hasSize(1);
    }

    @Test
    void anApproversEditIsSentAndPassesThePrivacyGuardAgain() {
        ACase conversation = aCase(Visibility.PUBLIC);
        policies.create(conversation.brandId(), null, ApprovalPolicy.Kind.ALL, null);
        WebcareUser agent = anAgent(PASSWORD);
        WebcareUser lead = aLead();
        Reply held = replies.send(conversation.postId(), "We bellen u terug.", Visibility.PUBLIC, agent.id(), agent.displayName());
        Actor approver = Actor.user(lead.id(), lead.displayName());

        assertThatThrownBy(() -> approvals.approve(held.id(), "We bellen u terug op 06-12345678.", approver))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("text: '06-12345678' looks like a phone number");
        assertThat(replies.find(held.id()).orElseThrow().state()).isEqualTo(ReplyState.AWAITING_APPROVAL);
        assertThat(replies.find(held.id()).orElseThrow().text()).isEqualTo("We bellen u terug.");
        assertThat(outboundMessages(conversation)).isZero();

        Reply approved = approvals.approve(held.id(), "We bellen u vandaag nog terug.", approver);

        assertThat(approved.text()).isEqualTo("We bellen u vandaag nog terug.");
        assertThat(payloadText(approved)).isEqualTo("We bellen u vandaag nog terug.");
        assertThat(cases.history(conversation.caseId())).filteredOn(e -> e.kind().equals("approved"))
                .singleElement().satisfies(e -> {
                    assertThat(e.actorName()).isEqualTo(lead.displayName());
                    assertThat(e.reason()).isEqualTo("text edited by the approver");
                    assertThat(e.to()).isEqualTo(String.valueOf(held.id()));
                });
    }

    @Test
    void aReturnedReplyShowsTheCommentAndGoesBackToTheQueueWhenResubmitted() {
        ACase conversation = aCase(Visibility.PUBLIC);
        policies.create(conversation.brandId(), null, ApprovalPolicy.Kind.ALL, null);
        WebcareUser agent = anAgent(PASSWORD);
        WebcareUser lead = aLead();
        Actor approver = Actor.user(lead.id(), lead.displayName());
        Actor author = Actor.user(agent.id(), agent.displayName());
        Reply held = replies.send(conversation.postId(), "Hoi! Joh, dat regelen we.", Visibility.PUBLIC, agent.id(), agent.displayName());

        assertThatThrownBy(() -> approvals.returnToAuthor(held.id(), "  ", approver))
                .hasMessage("comment: say what the author should change");
        Reply returned = approvals.returnToAuthor(held.id(), "Graag formeel: u in plaats van je.", approver);

        assertThat(returned.state()).isEqualTo(ReplyState.RETURNED);
        assertThat(returned.approval().comment()).isEqualTo("Graag formeel: u in plaats van je.");
        assertThat(returned.approval().decidedBy()).isEqualTo(lead.displayName());
        CaseView view = cases.view(conversation.caseId()).orElseThrow();
        assertThat(view.heldReplies()).singleElement().satisfies(r -> {
            assertThat(r.returned()).isTrue();
            assertThat(r.approval().comment()).isEqualTo("Graag formeel: u in plaats van je.");
        });
        assertThat(approvals.queue(500)).extracting(r -> r.reply().id()).doesNotContain(held.id());
        assertThatThrownBy(() -> approvals.approve(held.id(), null, approver)).isInstanceOf(ConflictException.class)
                .hasMessageEndingWith("it was returned by " + lead.displayName());

        assertThatThrownBy(() -> approvals.resubmit(held.id(), "Bel ons op 06-12345678.", author))
                .hasMessageStartingWith("text: '06-12345678' looks like a phone number");
        Reply resubmitted = approvals.resubmit(held.id(), "Dank voor uw bericht, wij regelen het voor u.", author);

        assertThat(resubmitted.state()).isEqualTo(ReplyState.AWAITING_APPROVAL);
        assertThat(resubmitted.text()).isEqualTo("Dank voor uw bericht, wij regelen het voor u.");
        assertThat(approvals.queue(500)).extracting(r -> r.reply().id()).contains(held.id());
        assertThat(outboundMessages(conversation)).isZero();

        approvals.approve(held.id(), null, approver);
        assertThat(outboundMessages(conversation)).isOne();
        assertThat(cases.history(conversation.caseId()))
                .filteredOn(e -> e.kind().startsWith("approv") || e.kind().equals("returned"))
                .extracting(CaseEvent::kind, CaseEvent::actorName, CaseEvent::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("approval-requested", agent.displayName(), "brand policy: all replies"),
                        org.assertj.core.groups.Tuple.tuple("returned", lead.displayName(), "Graag formeel: u in plaats van je."),
                        org.assertj.core.groups.Tuple.tuple("approval-requested", agent.displayName(),
                                "resubmitted after: Graag formeel: u in plaats van je."),
                        org.assertj.core.groups.Tuple.tuple("approved", lead.displayName(), null));
    }

    @Test
    void aDiscardedReplyIsNeverSentAndLeavesTheConversation() {
        ACase conversation = aCase(Visibility.PUBLIC);
        policies.create(conversation.brandId(), null, ApprovalPolicy.Kind.ALL, null);
        WebcareUser agent = anAgent(PASSWORD);
        WebcareUser lead = aLead();
        Actor author = Actor.user(agent.id(), agent.displayName());
        Reply held = replies.send(conversation.postId(), "Dat is niet ons probleem.", Visibility.PUBLIC, agent.id(), agent.displayName());

        assertThatThrownBy(() -> approvals.discard(held.id(), author)).as("only a returned reply can be discarded")
                .isInstanceOf(ConflictException.class);
        approvals.returnToAuthor(held.id(), "Zo niet, graag excuses aanbieden.", Actor.user(lead.id(), lead.displayName()));
        Reply discarded = approvals.discard(held.id(), author);

        assertThat(discarded.state()).isEqualTo(ReplyState.DISCARDED);
        assertThat(cases.view(conversation.caseId()).orElseThrow().replies()).isEmpty();
        assertThat(outboundMessages(conversation)).isZero();
        assertThat(cases.history(conversation.caseId())).extracting(CaseEvent::kind).endsWith("returned", "discarded");
        assertThatThrownBy(() -> approvals.resubmit(held.id(), "Excuses!", author)).isInstanceOf(ConflictException.class)
                .hasMessageEndingWith("it was discarded");
    }

    @Test
    void theQueueListsTheLongestWaitingFirstWithThePostAndItsCase() {
        ACase older = aCase(Visibility.PUBLIC);
        ACase newer = aCase(Visibility.PRIVATE);
        WebcareUser newHire = anAgent(PASSWORD);
        policies.create(null, newHire.id(), ApprovalPolicy.Kind.ALL, null);
        Reply first = replies.send(older.postId(), "Eerste.", Visibility.PUBLIC, newHire.id(), newHire.displayName());
        Reply second = replies.send(newer.postId(), "Tweede.", Visibility.PRIVATE, newHire.id(), newHire.displayName());

        List<ApprovalRequest> mine = approvals.queue(500).stream()
                .filter(r -> r.reply().id() == first.id() || r.reply().id() == second.id()).toList();

        assertThat(mine).extracting(r -> r.reply().id()).containsExactly(first.id(), second.id());
        assertThat(mine.getFirst().post().id()).isEqualTo(older.postId());
        assertThat(mine.getFirst().caseId()).isEqualTo(older.caseId());
        assertThat(mine.getFirst().casePriority()).isBetween(1, 5);
        assertThat(approvals.waiting()).isGreaterThanOrEqualTo(2);
    }

    private record ACase(NewChannel channel, long brandId, long postId, long caseId) {
    }

    private ACase aCase(Visibility visibility) {
        NewChannel channel = anApiChannel("http://127.0.0.1:9/x");
        long postId = intake.accept(new InboundPost(channel.channel().id(), unique("p"), unique("@klant"), "Kees Klant",
                "Mijn pakket is kwijt, kunnen jullie helpen?", visibility, Instant.now(), null, null, true, List.of())).postId();
        long caseId = cases.caseOf(postId).orElseThrow().id();
        return new ACase(channel, channel.channel().brandId(), postId, caseId);
    }

    private WebcareUser aLead() {
        return users.create(unique("lead") + "@example.org", "Bram de Leider", PASSWORD, Role.TEAM_LEAD);
    }

    private long outboundMessages(ACase conversation) {
        return jdbc.sql("select count(*) from outbound_message where channel_id = ?").param(conversation.channel().channel().id())
                .query(Long.class).single();
    }

    /** Runs inside the test's transaction, whose view of pg_stat_activity is a snapshot until it is cleared. */
    private long approvalsWaitingForALock() {
        jdbc.sql("select pg_stat_clear_snapshot()").query((rs, n) -> null).list();
        return jdbc.sql("""
                        select count(*) from pg_stat_activity
                        where wait_event_type = 'Lock' and query like 'update reply set approval_state = ''APPROVED''%'""")
                .query(Long.class).single();
    }

    private String payloadText(Reply reply) {
        return jdbc.sql("select payload ->> 'text' from outbound_message where id = ?").param(reply.delivery().messageId())
                .query(String.class).single();
    }
}
