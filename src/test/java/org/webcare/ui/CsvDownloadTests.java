package org.webcare.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** CSV downloads: cells that a spreadsheet would run as a formula become text; quotes and line breaks stay in the cell. */
class CsvDownloadTests {

    @Test
    void formulasBecomeTextAndQuotingKeepsCellsWhole() {
        var response = CsvDownload.download("x.csv", List.of("name", "count"), List.of(
                List.of("=HYPERLINK(\"https://evil.example\")", "1"),
                List.of("+31 6 1234", "2"),
                List.of("-2+3", "3"),
                List.of("@SUM(A1)", "4"),
                List.of("Kees \"de klant\"\nJansen, Utrecht", "5"),
                List.of("gewoon", "")));
        String body = new String(response.getBody(), StandardCharsets.UTF_8);
        assertThat(body).isEqualTo("""
                name,count\r
                "'=HYPERLINK(""https://evil.example"")",1\r
                '+31 6 1234,2\r
                '-2+3,3\r
                '@SUM(A1),4\r
                "Kees ""de klant""
                Jansen, Utrecht",5\r
                gewoon,\r
                """);
        assertThat(response.getHeaders().getFirst("Content-Disposition")).isEqualTo("attachment; filename=\"x.csv\"");
    }
}
