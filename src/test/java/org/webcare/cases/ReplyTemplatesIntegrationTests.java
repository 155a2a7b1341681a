package org.webcare.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.channel.Brand;
import org.webcare.channel.ChannelType;
import org.webcare.channel.NewChannel;
import org.webcare.intake.Posts;
import org.webcare.support.ApiClient;
import org.webcare.support.IntegrationTest;

/** Saving, finding and filling in a brand's reply templates. */
class ReplyTemplatesIntegrationTests extends IntegrationTest {

    @Autowired
    ReplyTemplates templates;

    @Autowired
    Posts posts;

    private Brand brand;

    @BeforeEach
    void aBrand() {
        brand = channels.createBrand(unique("Energiebedrijf"));
    }

    @Test
    void refusesUnknownVariablesNamingThem() {
        assertThatThrownBy(() -> templates.create(brand.id(), "Excuses", "Hoi {{customer.name}}, {{klant.naam}} en {{ order.id }}!", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("text: unknown variables {{klant.naam}}, {{order.id}}; known are {{customer.name}}");
        assertThat(templates.list(brand.id())).isEmpty();
    }

    @Test
    void validatesNameTextLanguageAndBrand() {
        assertThatThrownBy(() -> templates.create(brand.id(), " ", "tekst", null)).hasMessageStartingWith("name:");
        assertThatThrownBy(() -> templates.create(brand.id(), "x".repeat(121), "tekst", null)).hasMessageStartingWith("name:");
        assertThatThrownBy(() -> templates.create(brand.id(), "Leeg", "  ", null)).hasMessageStartingWith("text:");
        assertThatThrownBy(() -> templates.create(brand.id(), "Lang", "x".repeat(5_001), null)).hasMessageStartingWith("text:");
        assertThatThrownBy(() -> templates.create(brand.id(), "Taal", "tekst", "Nederlands")).hasMessageStartingWith("language:");
        assertThatThrownBy(() -> templates.create(-1, "Geen merk", "tekst", null)).hasMessageStartingWith("brandId:");
        assertThat(templates.create(brand.id(), "x".repeat(120), "x".repeat(5_000), "NL").language()).isEqualTo("nl");
    }

    @Test
    void namesAreUniquePerBrandIgnoringCase() {
        templates.create(brand.id(), "Storing", "Er is een storing.", null);
        assertThatThrownBy(() -> templates.create(brand.id(), "STORING", "Nog een.", null))
                .hasMessage("name: this brand already has a template named 'STORING'");
        Brand other = channels.createBrand(unique("Ander merk"));
        assertThat(templates.create(other.id(), "Storing", "Er is een storing.", null).brandId()).isEqualTo(other.id());
    }

    @Test
    void searchIgnoresCaseAndAccentsInNameAndText() {
        ReplyTemplate excuses = templates.create(brand.id(), "Excuses vertraging", "Sorry voor de vertraging.", "nl");
        ReplyTemplate cafe = templates.create(brand.id(), "Café-actie", "Koffie van het huis.", "nl");
        ReplyTemplate creme = templates.create(brand.id(), "Klacht", "Onze CRÈME brûlée is op.", "nl");
        ReplyTemplate vertraging = templates.create(brand.id(), "Levering", "Er is VERTRAGING bij de levering.", "nl");

        assertThat(templates.search(brand.id(), "cafe")).containsExactly(cafe);
        assertThat(templates.search(brand.id(), "CAFÉ")).containsExactly(cafe);
        assertThat(templates.search(brand.id(), "creme brulee")).containsExactly(creme);
        assertThat(templates.search(brand.id(), "Vertraging")).as("name matches first").containsExactly(excuses, vertraging);
        assertThat(templates.search(brand.id(), "  ")).hasSize(4);
        assertThat(templates.search(brand.id(), "bestaat niet")).isEmpty();
        Brand other = channels.createBrand(unique("Ander merk"));
        assertThat(templates.search(other.id(), "cafe")).isEmpty();
    }

    @Test
    void rendersEveryVariable() {
        ReplyTemplate template = templates.create(brand.id(), "Alles",
                "Hoi {{customer.name}} ({{customer.handle}}), ik ben {{agent.name}} van {{brand.name}}. Zaak {{case.number}}. ^{{agent.initials}}", null);
        var context = new TemplateContext("Kees <b>Klant</b>", "@klant", "Anne de Vries", "AV", "42", brand.name());

        assertThat(templates.render(template.id(), context)).isEqualTo("Hoi Kees <b>Klant</b> (@klant), ik ben Anne de Vries van "
                + brand.name() + ". Zaak 42. ^AV");
    }

    @Test
    void rendersForAPostWithTheCustomerTheAgentAndTheThread() {
        NewChannel channel = channels.createChannel(brand.id(), ChannelType.API, "Twitter", "http://127.0.0.1:9/x", true);
        String externalId = unique("tweet");
        new ApiClient(baseUrl()).deliverPost(channel.channel().id(), channel.secret(), ApiClient.aPost(externalId, "Storing $1 \\?"));
        long postId = jdbc.sql("select id from post where channel_id = ? and external_id = ?")
                .params(channel.channel().id(), externalId).query(Long.class).single();
        long threadId = posts.find(postId).orElseThrow().threadId();
        ReplyTemplate template = templates.create(brand.id(), "Groet", "Hoi {{customer.name}}, zaak {{case.number}} ^{{agent.initials}}", null);

        assertThat(templates.renderFor(template.id(), postId, "Anne de Vries", "AV"))
                .isEqualTo("Hoi Kees Klant, zaak " + threadId + " ^AV");

        Brand other = channels.createBrand(unique("Ander merk"));
        ReplyTemplate foreign = templates.create(other.id(), "Groet", "Hoi", null);
        assertThatThrownBy(() -> templates.renderFor(foreign.id(), postId, "Anne de Vries", "AV")).hasMessageStartingWith("post:");
    }

    @Test
    void customerNameFallsBackToTheHandleWithoutAt() {
        // A post in no case (never stored): the case number falls back to its thread.
        var post = new org.webcare.intake.Post(-1, 1, "x", "@pietje", null, "tekst", org.webcare.shared.Visibility.PUBLIC,
                null, null, null, null, 7, null, java.util.List.of(), null, null, null, null, null);
        NewChannel channel = channels.createChannel(brand.id(), ChannelType.API, "Mail", "http://127.0.0.1:9/x", true);
        var context = templates.contextFor(withChannel(post, channel.channel().id()), "Anne", "A");

        assertThat(context.customerName()).isEqualTo("pietje");
        assertThat(context.customerHandle()).isEqualTo("@pietje");
        assertThat(context.caseNumber()).isEqualTo("7");
        assertThat(context.brandName()).isEqualTo(brand.name());
    }

    @Test
    void removesATemplate() {
        ReplyTemplate template = templates.create(brand.id(), "Weg", "tekst", null);
        assertThat(templates.remove(template.id())).isTrue();
        assertThat(templates.remove(template.id())).isFalse();
        assertThat(templates.list(brand.id())).isEmpty();
    }

    private static org.webcare.intake.Post withChannel(org.webcare.intake.Post p, long channelId) {
        return new org.webcare.intake.Post(p.id(), channelId, p.externalId(), p.authorHandle(), p.authorName(), p.text(),
                p.visibility(), p.createdAt(), p.receivedAt(), p.inReplyToExternalId(), p.parentId(), p.threadId(),
                p.analysis(), p.matchedQueries(), p.authorFollowers(), p.channelType(), p.url(), p.site(), p.title());
    }
}
