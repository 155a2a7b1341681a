package org.webcare.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Cases;
import org.webcare.channel.ChannelType;
import org.webcare.channel.NewChannel;
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.support.Browser;
import org.webcare.support.CallbackReceiver;
import org.webcare.support.Eventually;
import org.webcare.support.IntegrationTest;

/**
 * A team lead in a real browser opens an incident for an outage, finds its cases with a query, ticks them, checks the
 * preview and sends the holding statement, which the platform receives once per customer.
 */
class IncidentBrowserTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-lead-password";

    @Autowired
    Intake intake;

    @Autowired
    Cases cases;

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void leadFindsTheCasesOfAnOutageAndSendsThemTheHoldingStatement() {
        WebcareUser lead = users.create(unique("lead") + "@example.org", "Lotte Leider", PASSWORD, Role.TEAM_LEAD);
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            var brand = channels.createBrand(unique("Stroomnet"));
            NewChannel channel = channels.createChannel(brand.id(), ChannelType.API, "Twitter", receiver.url(), true);
            receiver.expectingSignatureWith(channel.secret());
            long anna = caseOf(channel, "@anna", "Anna de Boer", "Storing in Utrecht: al een uur geen stroom", Visibility.PUBLIC);
            long bart = caseOf(channel, "@bart", "Bart Jansen", "Is er een storing? Hier ook niks", Visibility.PRIVATE);
            caseOf(channel, "@cees", "Cees", "Vraag over mijn factuur", Visibility.PUBLIC);

            browser = Browser.start("en");
            var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
            Browser.signIn(browser, baseUrl(), lead.email(), PASSWORD);
            browser.findElement(By.linkText("Incidents")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-incident")));
            new Select(browser.findElement(By.name("brandId"))).selectByVisibleText(brand.name());
            browser.findElement(By.name("title")).sendKeys("Stroomstoring Utrecht & omgeving");
            browser.findElement(By.name("holdingStatement"))
                    .sendKeys("Hoi {{customer.name}}, we weten van de storing en werken eraan. ^{{agent.initials}}");
            browser.findElement(By.cssSelector("#new-incident button[type=submit]")).click();
            wait.until(ExpectedConditions.urlMatches("/incidents/\\d+$"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).matches("Incident #\\d+: Stroomstoring Utrecht & omgeving\\s+open");

            browser.findElement(By.id("candidate-query")).sendKeys("storing");
            browser.findElement(By.id("find-candidates")).click();
            By found = By.cssSelector("#candidates .candidate-list > li");
            wait.until(ExpectedConditions.numberOfElementsToBe(found, 2));
            assertThat(browser.findElements(found)).extracting(WebElement::getText)
                    .anySatisfy(text -> assertThat(text).contains("Anna de Boer").contains("Storing in Utrecht: al een uur geen stroom"))
                    .anySatisfy(text -> assertThat(text).contains("Bart Jansen").contains("private"));
            for (long caseId : List.of(anna, bart)) {
                browser.findElement(By.cssSelector("#candidates li[data-case-id='" + caseId + "'] input[type=checkbox]")).click();
            }
            browser.findElement(By.id("add-candidates")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.ok"), "2 cases added."));
            assertThat(browser.findElements(By.cssSelector("#incident-cases tr[data-case-id]"))).hasSize(2);

            var summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-summary")));
            assertThat(summary.getText()).isEqualTo("Goes to 2 customers: 1 public, 1 private.");
            browser.findElement(By.cssSelector("#statement-preview summary")).click();
            assertThat(browser.findElement(By.cssSelector("#statement-preview details")).getText())
                    .contains("Hoi Anna de Boer, we weten van de storing en werken eraan. ^LL");
            WebElement send = browser.findElement(By.id("send-statement"));
            assertThat(send.getText()).isEqualTo("Send holding statement to 2 customers");
            send.click();

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("send-report"),
                    "Holding statement sent to 2; 0 had it already; 0 refused."));
            assertThat(browser.findElements(By.cssSelector("#incident-cases td.statement-state[data-state='SENT']"))).hasSize(2);
            // The table refreshes itself until the outbox has delivered both replies.
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#incident-cases [data-delivery='SENT']"), 2));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("statement-preview"), "Nobody is waiting for it."));
            assertThat(browser.findElements(By.id("send-statement"))).isEmpty();
            Eventually.within(Duration.ofSeconds(10), "both customers reached", () -> receiver.acceptedByKey().size() == 2);
            assertThat(receiver.acceptedByKey().values()).containsOnly(1);
            assertThat(receiver.bodies()).anySatisfy(body -> assertThat(body).contains("Hoi Bart Jansen, we weten van de storing"));
        }
    }

    private long caseOf(NewChannel channel, String handle, String name, String text, Visibility visibility) {
        var result = intake.accept(new InboundPost(channel.channel().id(), unique("p"), handle, name, text, visibility,
                Instant.now().truncatedTo(ChronoUnit.SECONDS), null, null, true, List.of()));
        return cases.caseOf(result.postId()).orElseThrow().id();
    }
}
