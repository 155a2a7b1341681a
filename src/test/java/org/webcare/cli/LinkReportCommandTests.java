package org.webcare.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.WebcareApplication;
import org.webcare.channel.ChannelType;
import org.webcare.support.IntegrationTest;

/** {@code webcare report links}: traffic per template as CSV and JSON; bad options are usage errors. */
class LinkReportCommandTests extends IntegrationTest {

    @Autowired
    LinkReportCommand command;

    @Test
    void printsClicksPerTemplateOfABrand() {
        var brand = channels.createBrand(unique("Klikken"));
        var channel = channels.createChannel(brand.id(), ChannelType.API, "API", "http://127.0.0.1:9/x", true).channel();
        long link = jdbc.sql("""
                        insert into tracked_link (code, target_url, brand_id, channel_id, template_id, template_name)
                        values (?, 'https://example.nl/kaart', ?, ?, 77, 'Storingskaart') returning id""")
                .params("Cli" + Long.toString(System.nanoTime(), 36).substring(0, 5), brand.id(), channel.id())
                .query(Long.class).single();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        jdbc.sql("insert into tracked_link_click (link_id, day, clicks, previews) values (?, ?, 4, 1)").params(link, today).update();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = command.run(List.of("--brand", brand.name(), "--by", "template", "--format", "csv"),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("template,label,links,clicks,previews\r\n77,Storingskaart,1,4,1\r\n");
        out.reset();
        command.run(List.of("--brand", String.valueOf(brand.id())), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"clicks\":4").contains("\"label\":\"" + brand.name() + "\"");
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheOption() {
        assertThatThrownBy(() -> command.run(List.of("--by", "colour"), System.out)).hasMessageContaining("--by");
        assertThatThrownBy(() -> command.run(List.of("--from", "gisteren"), System.out)).hasMessageContaining("--from");
        assertThatThrownBy(() -> command.run(List.of("--brand", "No such brand " + unique("x")), System.out)).hasMessageContaining("--brand");
        assertThat(CommandLine.run(WebcareApplication.class, new String[]{"report", "links", "--colour", "red"})).isEqualTo(2);
    }
}
