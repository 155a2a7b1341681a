package org.webcare.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.webcare.identity.Role;
import org.webcare.support.Browser;
import org.webcare.support.IntegrationTest;

class TmpReportsShotTests extends IntegrationTest {
    @Test
    void shot() throws Exception {
        var lead = users.create(unique("lead") + "@example.org", "Lotte Lead", "a-long-agent-password", Role.TEAM_LEAD);
        ChromeDriver browser = Browser.start("en");
        try {
            Browser.signIn(browser, baseUrl(), lead.email(), "a-long-agent-password");
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 3000));
            browser.get(baseUrl() + "/reports?period=90d&per=brand&brand=" + channels.brands().getFirst().id());
            Files.write(Path.of("/tmp/reports1.png"), browser.getScreenshotAs(OutputType.BYTES));
            browser.get(baseUrl() + "/reports/cases?figure=BACKLOG&period=90d");
            Files.write(Path.of("/tmp/reports2.png"), browser.getScreenshotAs(OutputType.BYTES));
            Files.writeString(Path.of("/tmp/reports1.html"), new org.webcare.support.ApiClient(baseUrl()).get("/reports?period=90d", tokenFor(lead)).body());
        } finally {
            browser.quit();
        }
    }
}
