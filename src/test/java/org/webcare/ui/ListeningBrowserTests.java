package org.webcare.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.listening.SavedQueries;
import org.webcare.shared.Visibility;
import org.webcare.support.Browser;
import org.webcare.support.IntegrationTest;

/** A team lead writes a listening query with the live test under it, reads why a post matched, and opens the dashboard. */
class ListeningBrowserTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-agent-password";

    @Autowired
    Intake intake;

    @Autowired
    SavedQueries queries;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private String word;
    private long channelId;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start("en");
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        word = "laadpaal" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        channelId = anApiChannel("http://127.0.0.1:9/x").channel().id();
        Browser.signIn(browser, baseUrl(), anAgent(PASSWORD).email(), PASSWORD);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void post(String text, Duration ago) {
        intake.accept(new InboundPost(channelId, unique("p"), "@ev_rijder", "Eva", text, Visibility.PUBLIC,
                Instant.now().minus(ago), null, 5_400L, false, List.of(), "api", null));
    }

    @Test
    void showsParseErrorsAndTheMatchesOfTheLastThirtyDaysWhileTyping() {
        post("De " + word + " bij het station doet het weer niet <script>alert(1)</script>", Duration.ofDays(3));
        post("Nieuwe " + word + " geplaatst", Duration.ofDays(6));
        post("Een " + word + " uit 2020", Duration.ofDays(45));
        browser.get(baseUrl() + "/listening");
        WebElement field = browser.findElement(By.id("query-input"));

        field.sendKeys(word + " AND (");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#query-test .query-error")));
        assertThat(error.getText()).startsWith("at position " + (word.length() + 6) + ":");

        field.sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE);
        field.sendKeys(" -geplaatst");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#query-test .query-count"), "posts of the last 30 days match"));
        assertThat(browser.findElement(By.cssSelector("#query-test .query-count strong")).getText()).isEqualTo("1");
        assertThat(browser.findElements(By.cssSelector("#query-test .query-sample mark"))).extracting(WebElement::getText)
                .containsExactly(word);
        assertThat(browser.findElement(By.cssSelector("#query-test .query-sample .msg-text")).getText())
                .as("markup was stripped at intake and nothing runs").doesNotContain("<script>");
        assertThat(browser.executeScript("return window.alerted === undefined")).isEqualTo(true);
    }

    @Test
    void explainsInTheThreadWhyAPostMatchedAndShowsTheQueryDashboard() {
        var query = queries.save(unique("Laadpalen"), word + " AND (kapot OR stuk)", null);
        post("Alweer een kapotte " + word + "? Nee, deze " + word + " is gewoon kapot", Duration.ofMinutes(2));

        browser.get(baseUrl() + "/inbox?query=" + query.id());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#post-list a"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#timeline .why-matched summary"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline .why-body mark")));
        assertThat(browser.findElements(By.cssSelector("#timeline .why-body mark"))).extracting(WebElement::getText)
                .containsExactly(word, word, "kapot");

        browser.get(baseUrl() + "/listening/dashboard?query=" + query.id());
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dashboard-volume h2"))).getText())
                .contains("1 posts");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Listening dashboard: " + query.name());
        assertThat(browser.findElement(By.cssSelector("#figures")).getText()).contains("@ev_rijder").contains("5,400");
    }
}
