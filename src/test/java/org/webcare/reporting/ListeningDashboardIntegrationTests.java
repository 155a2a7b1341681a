package org.webcare.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.channel.ChannelType;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.listening.SavedQueries;
import org.webcare.shared.Visibility;
import org.webcare.support.IntegrationTest;

class ListeningDashboardIntegrationTests extends IntegrationTest {

    @Autowired
    Intake intake;

    @Autowired
    ListeningDashboard dashboard;

    @Autowired
    SavedQueries queries;

    @Test
    void showsVolumeSentimentAuthorsTermsAndSourcesOfABrandAndOfAQuery() {
        var brand = channels.createBrand(unique("Energie"));
        long channel = channels.createChannel(brand.id(), ChannelType.API, "Forum", "http://127.0.0.1:9/x", true).channel().id();
        String word = unique("zonnepaneel").replace("-", "");
        var query = queries.save(unique("Panelen"), word, null);
        Instant now = Instant.now();
        post(channel, "@jan", 150L, "Mijn " + word + " is kapot en niemand helpt, waardeloos", now.minus(Duration.ofMinutes(20)), null);
        post(channel, "@nieuwsbron", 250_000L, "Storing bij " + word + " leverancier treft duizenden klanten", now.minus(Duration.ofHours(3)), "https://www.nu.nl/economie/1");
        post(channel, "@piet", null, "Dank voor de snelle hulp, top service", now.minus(Duration.ofHours(5)), null);
        post(channel, "@oud", null, "Dit was vorige maand " + word, now.minus(Duration.ofDays(3)), null);

        ListeningFigures day = dashboard.figures(brand.id(), null, DashboardRange.DAY);

        assertThat(day.total()).isEqualTo(3);
        assertThat(day.volume()).hasSizeBetween(24, 25);
        assertThat(day.volume().stream().mapToLong(ListeningFigures.Bucket::posts).sum()).isEqualTo(3);
        assertThat(day.count("negative")).as("the broken panel and the outage").isEqualTo(2);
        assertThat(day.count("positive")).isEqualTo(1);
        assertThat(day.topAuthors().getFirst().handle()).isEqualTo("@nieuwsbron");
        assertThat(day.topAuthors()).extracting(ListeningFigures.Author::handle).doesNotContain("@oud");
        assertThat(day.topTerms()).extracting(ListeningFigures.Count::name).contains(word).doesNotContain("de", "en", "bij");
        assertThat(day.sources()).extracting(ListeningFigures.Count::name).contains("nu.nl", "Forum (api)");

        ListeningFigures week = dashboard.figures(null, query.id(), DashboardRange.WEEK);
        assertThat(week.total()).isEqualTo(3);
        assertThat(week.topAuthors()).extracting(ListeningFigures.Author::handle).containsExactlyInAnyOrder("@nieuwsbron", "@jan", "@oud");
    }

    private void post(long channel, String author, Long followers, String text, Instant at, String url) {
        intake.accept(new InboundPost(channel, unique("p"), author, null, text, Visibility.PUBLIC, at, null, followers,
                false, List.of(), "api", url));
    }
}
