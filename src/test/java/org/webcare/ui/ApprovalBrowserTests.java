package org.webcare.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.ApprovalPolicies;
import org.webcare.cases.ApprovalPolicy;
import org.webcare.cases.Replies;
import org.webcare.cases.Reply;
import org.webcare.channel.ChannelType;
import org.webcare.channel.NewChannel;
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.support.Browser;
import org.webcare.support.CallbackReceiver;
import org.webcare.support.IntegrationTest;

/** A team lead in a real browser finds a held reply in the approval queue, edits and approves it, and sees it sent. */
class ApprovalBrowserTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-enough-password";

    @Autowired
    Intake intake;

    @Autowired
    Replies replies;

    @Autowired
    ApprovalPolicies policies;

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
    void aLeadApprovesAHeldReplyAndItIsSentOnce() {
        WebcareUser agent = anAgent(PASSWORD);
        WebcareUser lead = users.create(unique("lead") + "@example.org", "Bram de Leider", PASSWORD, Role.TEAM_LEAD);
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            var brand = channels.createBrand(unique("Energie"));
            NewChannel channel = channels.createChannel(brand.id(), ChannelType.API, "Twitter", receiver.url(), true);
            receiver.expectingSignatureWith(channel.secret());
            policies.create(brand.id(), null, ApprovalPolicy.Kind.PUBLIC, null);
            String question = "Mijn meterstand klopt niet " + unique("nr");
            long postId = intake.accept(new InboundPost(channel.channel().id(), unique("tweet"), unique("@klant"), "Kees Klant",
                    question, Visibility.PUBLIC, Instant.now(), null, null, true, List.of())).postId();
            Reply held = replies.send(postId, "We kijken er naar!!", Visibility.PUBLIC, agent.id(), agent.displayName());

            Browser.signIn(browser, baseUrl(), lead.email(), PASSWORD);
            WebElement nav = browser.findElement(By.id("nav-approvals"));
            assertThat(nav.findElement(By.cssSelector(".nav-count")).getText()).matches("[1-9][0-9]*");
            nav.click();

            By item = By.cssSelector("li.approval-item[data-reply-id='" + held.id() + "']");
            WebElement queued = wait.until(ExpectedConditions.visibilityOfElementLocated(item));
            assertThat(queued.findElement(By.cssSelector(".approval-post .msg-text")).getText()).isEqualTo(question);
            WebElement draft = queued.findElement(By.cssSelector("textarea[name=text]"));
            assertThat(draft.getAttribute("value")).isEqualTo("We kijken er naar!!");
            assertThat(receiver.attempts()).as("nothing goes out before approval").isZero();

            draft.clear();
            draft.sendKeys("We kijken ernaar en laten het u vandaag weten.");
            queued.findElement(By.cssSelector("button.approve")).click();

            WebElement decided = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("li.approval-decided[data-reply-id='" + held.id() + "'][data-state='QUEUED']")));
            assertThat(decided.getText()).contains("Approved by Bram de Leider: queued for delivery.");

            decided.findElement(By.cssSelector("a.open-conversation")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline .msg-agent .delivery[data-state='SENT']")));
            assertThat(textOf(By.cssSelector("#timeline .msg-agent .msg-text")))
                    .isEqualTo("We kijken ernaar en laten het u vandaag weten.");
            assertThat(browser.findElements(By.cssSelector("#timeline .approval-state"))).isEmpty();
            assertThat(receiver.acceptedByKey().values()).containsExactly(1);
            assertThat(receiver.bodies()).singleElement().asString().contains("We kijken ernaar en laten het u vandaag weten.");
        }
    }

    /** The element's text, read again if a live refresh replaced the element meanwhile. */
    private String textOf(By locator) {
        return wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> driver.findElement(locator).getText());
    }
}
