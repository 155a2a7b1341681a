package org.webcare.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.webcare.support.Browser;
import org.webcare.support.IntegrationTest;
import org.webcare.support.WebSession;

/** An admin uploads a twcs CSV on the imports page and watches the job run to done without reloading. */
class ImportsBrowserTests extends IntegrationTest {

    private static final String PASSWORD = "long-enough-password";

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start("nl");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAdminUploadsACsvAndSeesTheJobFinishWithItsFiguresAndSkippedLines() throws Exception {
        var admin = anAdmin(PASSWORD);
        String account = "Page" + unique("x").substring(2).replace("-", "");
        String id = String.valueOf(System.nanoTime());
        Path file = Files.createTempFile("page-import", ".csv");
        Files.writeString(file, "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
                + id + "1,600001,True,Wed Oct 11 06:55:44 +0000 2017,@" + account + " <b>help</b>," + id + "2,\n"
                + id + "2," + account + ",False,Wed Oct 11 07:05:44 +0000 2017,@600001 on it ^AB,," + id + "1\n"
                + id + "3,600002,True,not a date,@" + account + " hello,,\n");
        Browser.signIn(browser, baseUrl(), admin.email(), PASSWORD);

        browser.get(baseUrl() + "/admin/imports");
        browser.findElement(By.cssSelector("#import-twcs input[type=file]")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#import-twcs button[type=submit]")).click();

        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        var done = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#import-jobs tr[data-state=done]")));
        String row = done.getText();
        assertThat(row).contains(file.getFileName().toString()).contains("klaar");
        assertThat(done.findElements(By.cssSelector("td.num")).stream().map(td -> td.getText()).toList())
                .containsExactly("3", "1", "1", "0", "1", "1");
        assertThat(browser.findElement(By.cssSelector("#import-jobs .import-problems")).getAttribute("textContent"))
                .contains("line 4: created_at 'not a date'");

        // An agent may not see the page.
        var agent = anAgent(PASSWORD);
        var session = WebSession.signIn(baseUrl(), agent.email(), PASSWORD);
        assertThat(session.get("/admin/imports").statusCode()).isEqualTo(403);
    }
}
