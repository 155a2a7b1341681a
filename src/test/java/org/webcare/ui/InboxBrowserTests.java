package org.webcare.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.webcare.channel.ChannelType;
import org.webcare.channel.NewChannel;
import org.webcare.identity.WebcareUser;
import org.webcare.support.ApiClient;
import org.webcare.support.Browser;
import org.webcare.support.CallbackReceiver;
import org.webcare.support.IntegrationTest;

/** An agent in a real browser: signs in, sees a post arrive live, replies, and watches the reply being delivered. */
class InboxBrowserTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-agent-password";

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start("en");
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void agentSeesAPostArriveLiveRepliesAndSeesItDelivered() {
        WebcareUser agent = anAgent(PASSWORD);
        try (CallbackReceiver receiver = new CallbackReceiver().failingFirst(2, 503)) {
            var brand = channels.createBrand(unique("Webwinkel"));
            NewChannel channel = channels.createChannel(brand.id(), ChannelType.API, "Twitter", receiver.url(), true);
            receiver.expectingSignatureWith(channel.secret());

            signIn(agent);
            wait.until(ExpectedConditions.attributeContains(By.id("live-indicator"), "class", "connected"));
            browser.executeScript("window.notReloaded = true");

            String text = "Mijn bestelling " + unique("nr") + " is nog steeds niet bezorgd 😡";
            new ApiClient(baseUrl()).deliverPost(channel.channel().id(), channel.secret(), ApiClient.aPost(unique("tweet"), text));

            By newPost = By.xpath("//ol[@id='post-list']//a[.//span[@class='post-text' and text()=" + xpathLiteral(text) + "]]");
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(newPost));
            assertThat(browser.executeScript("return window.notReloaded === true")).as("no page reload").isEqualTo(true);

            String tags = browser.findElement(By.xpath("//ol[@id='post-list']/li[.//span[@class='post-text' and text()="
                    + xpathLiteral(text) + "]]")).getText();
            assertThat(tags).contains("negative").contains("complaint");

            clickWhenSettled(newPost);
            WebElement reply = wait.until(ExpectedConditions.elementToBeClickable(By.id("reply-text")));
            assertThat(browser.findElement(By.cssSelector("#timeline .msg-customer .msg-text")).getText()).isEqualTo(text);
            reply.sendKeys("Wat vervelend! We zoeken het direct voor je uit.");
            browser.findElement(By.cssSelector("#composer button[type=submit]")).click();

            // The receiver refuses twice, with retry delays of at least 100 and 200 ms: the first state shown is not yet SENT.
            String first = (String) wait.pollingEvery(Duration.ofMillis(20)).until(driver -> browser.executeScript(
                    "var d = document.querySelector('#timeline .msg-agent .delivery'); return d ? d.dataset.state : null"));
            assertThat(first).isIn("QUEUED", "RETRYING");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline .msg-agent .delivery[data-state='SENT']")));
            assertThat(textOf(By.cssSelector("#timeline .msg-agent .msg-text")))
                    .isEqualTo("Wat vervelend! We zoeken het direct voor je uit. ^AV");
            assertThat(browser.executeScript("return window.notReloaded === true")).as("no page reload").isEqualTo(true);
            assertThat(receiver.attempts()).isEqualTo(3);
            assertThat(receiver.acceptedByKey().values()).containsExactly(1);
        }
    }

    @Test
    void agentIsStoppedFromSharingAPhoneNumberPubliclyAndSendsItPrivately() {
        WebcareUser agent = anAgent(PASSWORD);
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            var brand = channels.createBrand(unique("Telecom"));
            NewChannel channel = channels.createChannel(brand.id(), ChannelType.API, "Twitter", receiver.url(), true);
            receiver.expectingSignatureWith(channel.secret());
            String text = "Ik word maar niet teruggebeld " + unique("nr");
            new ApiClient(baseUrl()).deliverPost(channel.channel().id(), channel.secret(), ApiClient.aPost(unique("tweet"), text));
            signIn(agent);

            clickWhenSettled(By.xpath("//ol[@id='post-list']//a[.//span[@class='post-text' and text()=" + xpathLiteral(text) + "]]"));
            WebElement reply = wait.until(ExpectedConditions.elementToBeClickable(By.id("reply-text")));
            reply.sendKeys("Wij bellen je vandaag op 06-12345678.");

            // While typing: the tone warning and the personal data, before anything is sent.
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#composer-findings li[data-kind=phone]")));
            assertThat(browser.findElement(By.cssSelector("#composer-findings li[data-kind=tone]")).getText())
                    .isEqualTo("'je' does not fit the brand's formal tone; address the customer formally with u/uw");

            browser.findElement(By.cssSelector("#composer button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("composer-error"), "reply privately"));
            assertThat(browser.findElement(By.id("composer-error")).getText()).isEqualTo(
                    "'06-12345678' looks like a phone number and must not be in a public reply; reply privately instead");
            assertThat(browser.findElements(By.cssSelector("#timeline .msg-agent"))).isEmpty();

            browser.findElement(By.xpath("//form[@id='composer']//label[input[@value='private']]")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#composer-findings li[data-kind=phone]")));
            browser.findElement(By.cssSelector("#composer button[type=submit]")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline .msg-agent .delivery[data-state='SENT']")));
            assertThat(textOf(By.cssSelector("#timeline .msg-agent .msg-text")))
                    .isEqualTo("Wij bellen je vandaag op 06-12345678. ^AV");
            assertThat(browser.findElement(By.id("composer-error")).getText()).isEmpty();
            assertThat(receiver.bodies()).singleElement().asString().containsPattern("\"visibility\": ?\"private\"");
        }
    }

    @Test
    void agentCorrectsThePostsSentimentAndIntents() {
        WebcareUser agent = anAgent(PASSWORD);
        var brand = channels.createBrand(unique("Verzekeraar"));
        NewChannel channel = channels.createChannel(brand.id(), ChannelType.API, "Facebook", "http://127.0.0.1:9/x", true);
        String text = "Mijn polis " + unique("nr") + " is verlengd";
        new ApiClient(baseUrl()).deliverPost(channel.channel().id(), channel.secret(), ApiClient.aPost(unique("fb"), text));
        signIn(agent);

        clickWhenSettled(By.xpath("//ol[@id='post-list']//a[.//span[@class='post-text' and text()=" + xpathLiteral(text) + "]]"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#timeline .correct summary"))).click();
        browser.findElement(By.cssSelector("#timeline .correct input[name=sentiment][value=NEGATIVE]")).click();
        browser.findElement(By.cssSelector("#timeline .correct input[name=intents][value=COMPLAINT]")).click();
        browser.findElement(By.cssSelector("#timeline .correct button[type=submit]")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline .msg-customer .sentiment-negative")));
        assertThat(browser.findElement(By.cssSelector("#timeline .msg-customer .msg-analysis")).getText()).contains("complaint");
        assertThat(jdbc.sql("select count(*) from analysis_correction where user_id = ?").param(agent.id()).query(Long.class).single())
                .isPositive();
    }

    @Test
    void savesAListeningQueryAndShowsWhyABrokenOneIsRefused() {
        signIn(anAgent(PASSWORD));
        browser.get(baseUrl() + "/listening");
        String name = unique("Uitval");

        browser.findElement(By.name("name")).sendKeys(name);
        browser.findElement(By.name("query")).sendKeys("(storing OR uitval) AND");
        browser.findElement(By.cssSelector("form.inline-form button[type=submit]")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice.error"))).getText())
                .isEqualTo("at position 21: expected a term after AND");

        browser.findElement(By.name("query")).clear();
        browser.findElement(By.name("query")).sendKeys("(storing OR uitval) AND internet");
        browser.findElement(By.cssSelector("form.inline-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table.table"), name));
    }

    @Test
    void switchesBetweenDutchAndEnglish() {
        WebcareUser agent = anAgent(PASSWORD);
        signIn(agent);

        browser.findElement(By.cssSelector(".lang-switch a[hreflang=nl]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".sidebar-foot button"), "Afmelden"));
        browser.findElement(By.cssSelector(".lang-switch a[hreflang=en]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".sidebar-foot button"), "Sign out"));
    }

    @Test
    void movesThroughThePostsWithTheKeyboard() {
        WebcareUser agent = anAgent(PASSWORD);
        signIn(agent);

        browser.findElement(By.tagName("body")).sendKeys("j");
        WebElement first = browser.switchTo().activeElement();
        assertThat(first.getAttribute("hx-get")).startsWith("/inbox/threads/");
        first.sendKeys("j");
        WebElement second = browser.switchTo().activeElement();
        assertThat(second.getAttribute("hx-get")).isNotEqualTo(first.getAttribute("hx-get"));
        second.sendKeys(org.openqa.selenium.Keys.ENTER);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("reply-text")));
        browser.findElement(By.tagName("body")).sendKeys("r");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("reply-text");
    }

    private void signIn(WebcareUser user) {
        Browser.signIn(browser, baseUrl(), user.email(), PASSWORD);
    }

    /** The live list may be re-rendered between finding an element and clicking it: find it again then. */
    private void clickWhenSettled(By locator) {
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(locator).click();
            return true;
        });
    }

    private static String xpathLiteral(String text) {
        return "'" + text + "'";
    }

    /** The element's text, read again if a live refresh replaced the element meanwhile. */
    private String textOf(By locator) {
        return wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> driver.findElement(locator).getText());
    }
}
