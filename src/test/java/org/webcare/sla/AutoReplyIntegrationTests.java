package org.webcare.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Reply;

/** The reply outside opening hours: once per case, with the promise from the calendar, never after an agent replied. */
class AutoReplyIntegrationTests extends SlaTest {

    @Autowired
    AutoReplies autoReplies;

    private static Instant amsterdam(String local) {
        return LocalDateTime.parse(local).atZone(OfficeHours.AMSTERDAM).toInstant();
    }

    private void officeHoursPolicy() {
        policy("{\"brandId\":" + brand.id() + ",\"name\":\"Kantoor\",\"calendarId\":" + officeHours
                + ",\"targets\":{\"firstResponse\":\"PT4H\",\"firstResponseWorkingTime\":true},"
                + "\"autoReplyText\":\"Bedankt voor je bericht! We reageren {{promise}}.\"}");
    }

    private List<Reply> repliesOf(long caseId) {
        return cases.view(caseId).orElseThrow().replies();
    }

    @Test
    void aPostOnFridayEveningGetsOnePromiseForMondayAndTheClockKeepsRunning() {
        officeHoursPolicy();
        long caseId = caseOf(post("@kees", "@shop hallo, mijn pakket is nog steeds niet aangekomen en ik wacht al een week",
                amsterdam("2026-03-06T20:00")));

        assertThat(repliesOf(caseId)).singleElement().satisfies(reply -> {
            assertThat(reply.text()).isEqualTo("Bedankt voor je bericht! We reageren maandag vóór 13:00.");
            assertThat(reply.authorName()).isEqualTo(brand.name());
        });
        SlaClock first = clock(caseId, ClockKind.FIRST_RESPONSE, 0);
        assertThat(first.dueAt()).isEqualTo(amsterdam("2026-03-09T13:00"));
        assertThat(first.running()).as("an auto-reply is no response").isTrue();
        assertThat(cases.get(caseId).firstAgentReplyAt()).as("nor the team's first reply").isNull();
        assertThat(cases.get(caseId).status()).isEqualTo(org.webcare.cases.CaseStatus.NEW);

        post("@kees", "@shop hallo? is daar iemand?", amsterdam("2026-03-06T21:00"));
        assertThat(autoReplies.offer(caseId)).isEmpty();
        assertThat(repliesOf(caseId)).hasSize(1);
    }

    @Test
    void duringOpeningHoursOrAfterAnAgentRepliedNoAutoReplyGoes() {
        officeHoursPolicy();
        long inHours = caseOf(post("@lies", "@shop hallo, waar blijft mijn bestelling eigenlijk?", amsterdam("2026-03-04T10:00")));
        assertThat(repliesOf(inHours)).isEmpty();

        jdbc.sql("update sla_policy set auto_reply_text = null where brand_id = ?").param(brand.id()).update();
        long answered = caseOf(post("@mark", "@shop goedenavond, mijn factuur klopt niet", amsterdam("2026-03-04T22:00")));
        json(api.postJson("/api/v1/cases/" + answered + "/replies", agentToken, "{\"text\":\"We kijken ernaar\"}"));
        jdbc.sql("update sla_policy set auto_reply_text = 'We reageren {{promise}}.' where brand_id = ?").param(brand.id()).update();

        assertThat(autoReplies.offer(answered)).isEmpty();
        assertThat(repliesOf(answered)).hasSize(1);
    }

    @Test
    void theEnglishPromiseForAnEnglishPostOnSaturday() {
        policy("{\"brandId\":" + brand.id() + ",\"name\":\"Office\",\"calendarId\":" + officeHours
                + ",\"targets\":{\"firstResponse\":\"PT2H\",\"firstResponseWorkingTime\":true},"
                + "\"autoReplyText\":\"Thanks! We will answer {{promise}}.\"}");
        long caseId = caseOf(post("@john", "@shop hello, my parcel has not arrived yet and I have been waiting for a week",
                amsterdam("2026-03-07T11:00")));

        assertThat(repliesOf(caseId)).singleElement().extracting(Reply::text)
                .isEqualTo("Thanks! We will answer Monday before 11:00.");
    }
}
