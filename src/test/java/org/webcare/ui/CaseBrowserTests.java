package org.webcare.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Case;
import org.webcare.cases.Cases;
import org.webcare.cases.Replies;
import org.webcare.cases.ReplyTemplates;
import org.webcare.channel.ChannelType;
import org.webcare.channel.NewChannel;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.support.Browser;
import org.webcare.support.CallbackReceiver;
import org.webcare.support.IntegrationTest;

/** The agent's main flow in a real browser: open a case, use a template, heed the privacy guard, go private, send. */
class CaseBrowserTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-agent-password";

    @Autowired
    Intake intake;

    @Autowired
    Cases cases;

    @Autowired
    Replies replies;

    @Autowired
    ReplyTemplates templates;

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
    void agentAnswersACaseWithATemplateAndMovesToPrivateWhenThePrivacyGuardWarns() throws Exception {
        try (CallbackReceiver platform = new CallbackReceiver()) {
            WebcareUser agent = anAgent(PASSWORD);
            var brand = channels.createBrand(unique("Bank"), List.of("@bank"));
            NewChannel channel = channels.createChannel(brand.id(), ChannelType.API, "X", platform.url(), true);
            platform.expectingSignatureWith(channel.secret());
            templates.create(brand.id(), "Rekening controleren", "Beste {{customer.name}}, we kijken naar uw rekening.", "nl");
            long postId = intake.accept(new InboundPost(channel.channel().id(), unique("tweet"), "@kees", "Kees Klant",
                    "@bank belachelijk, mijn rekening is geblokkeerd! Klantnummer 12345678", Visibility.PUBLIC,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS), null, 80L, false, brand.handles(), "api", null)).postId();
            Case theCase = cases.caseOf(postId).orElseThrow();
            Browser.signIn(browser, baseUrl(), agent.email(), PASSWORD);

            // The case waits unassigned; the agent opens it from the list.
            browser.get(baseUrl() + "/cases?show=unassigned&brand=" + brand.id());
            wait.until(ExpectedConditions.attributeContains(By.id("live-indicator"), "class", "connected"));
            By item = By.cssSelector("#case-list li[data-case-id='" + theCase.id() + "'] a");
            wait.ignoring(StaleElementReferenceException.class).until(driver -> {
                driver.findElement(item).click();
                return true;
            });
            wait.until(ExpectedConditions.elementToBeClickable(By.id("reply-text")));
            assertThat(browser.findElement(By.cssSelector(".case-number")).getText()).contains("#" + theCase.id());
            assertThat(browser.findElement(By.id("priority-reasons")).getText()).contains("complaint");
            // A complaint with account details: the composer suggests answering privately.
            assertThat(browser.findElement(By.id("go-private-advice")).getText()).contains("account details");

            browser.findElement(By.id("claim")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-owner"), agent.displayName()));
            assertThat(browser.findElement(By.id("case-status")).getAttribute("data-status")).isEqualTo("open");

            // A template, searched with the keyboard and filled in for this customer.
            wait.until(ExpectedConditions.elementToBeClickable(By.id("reply-text")));
            browser.findElement(By.tagName("body")).sendKeys("t");
            browser.switchTo().activeElement().sendKeys("rekening");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#template-results .template-option"), "Rekening controleren"));
            browser.switchTo().activeElement().sendKeys(Keys.ENTER);
            wait.until(driver -> driver.findElement(By.id("reply-text")).getDomProperty("value").startsWith("Beste Kees Klant"));

            // The agent adds the account number: the privacy guard warns while the reply is public.
            browser.findElement(By.id("reply-text")).sendKeys(" Gaat het om NL91ABNA0417164300?");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#composer-findings [data-kind=iban]")));
            String draft = browser.findElement(By.id("reply-text")).getDomProperty("value");
            assertThat(browser.findElement(By.id("reply-count")).getText()).isEqualTo(String.valueOf(draft.length()));
            browser.findElement(By.cssSelector("#composer button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("composer-error"), "IBAN"));
            assertThat(platform.bodies()).isEmpty();

            browser.findElement(By.cssSelector("[data-switch-private]")).click();
            assertThat(browser.findElement(By.cssSelector("#composer input[value=private]")).isSelected()).isTrue();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#composer-findings [data-kind=iban]")));
            browser.findElement(By.cssSelector("#composer button[type=submit]")).click();

            By sent = By.cssSelector("#timeline .msg-agent .delivery[data-state=SENT]");
            wait.until(ExpectedConditions.presenceOfElementLocated(sent));
            assertThat(textOf(By.cssSelector("#timeline .msg-agent")))
                    .contains("Beste Kees Klant, we kijken naar uw rekening. Gaat het om NL91ABNA0417164300? ^AV")
                    .containsIgnoringCase("private");
            assertThat(platform.bodies()).singleElement().asString().contains("\"visibility\": \"private\"");
        }
    }

    @Test
    void aColleaguesReplySinceOpeningTheCaseAsksForConfirmation() {
        WebcareUser agent = anAgent(PASSWORD);
        WebcareUser colleague = anAgent(PASSWORD);
        var brand = channels.createBrand(unique("Shop"), List.of("@shop"));
        NewChannel channel = channels.createChannel(brand.id(), ChannelType.API, "X", "http://127.0.0.1:9/x", true);
        long postId = intake.accept(new InboundPost(channel.channel().id(), unique("tweet"), "@anna", null,
                "@shop hoe lang duurt levering?", Visibility.PUBLIC, Instant.now().truncatedTo(ChronoUnit.SECONDS), null,
                null, false, brand.handles(), "api", null)).postId();
        long caseId = cases.caseOf(postId).orElseThrow().id();
        Browser.signIn(browser, baseUrl(), agent.email(), PASSWORD);
        browser.get(baseUrl() + "/cases/" + caseId);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("reply-text")));

        replies.send(postId, "Twee werkdagen!", Visibility.PUBLIC, colleague.id(), "Bas Collega");
        browser.findElement(By.id("reply-text")).sendKeys("Binnen twee dagen.");
        browser.findElement(By.cssSelector("#composer button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("composer-error"), "Bas Collega replied"));
        assertThat(cases.view(caseId).orElseThrow().replies()).hasSize(1);
        browser.findElement(By.cssSelector("[data-confirm-send]")).click();
        wait.until(driver -> cases.view(caseId).orElseThrow().replies().size() == 2);
        assertThat(cases.view(caseId).orElseThrow().replies()).extracting(r -> r.text())
                .containsExactly("Twee werkdagen!", "Binnen twee dagen. ^AV");
    }

    /** The element's text, read again if a live refresh replaced the element meanwhile. */
    private String textOf(By locator) {
        return wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> driver.findElement(locator).getText());
    }
}
