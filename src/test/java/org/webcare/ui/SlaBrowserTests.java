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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Cases;
import org.webcare.channel.Brand;
import org.webcare.channel.ChannelType;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.sla.SlaChecker;
import org.webcare.support.Browser;
import org.webcare.support.IntegrationTest;

/** The case's SLA panel in a real browser: a running clock that turns red once the checker finds it breached. */
class SlaBrowserTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-agent-password";

    @Autowired
    Intake intake;

    @Autowired
    Cases cases;

    @Autowired
    SlaChecker checker;

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
    void theCasePanelShowsARunningClockTurningRedWhenBreached() {
        WebcareUser agent = anAgent(PASSWORD);
        Brand brand = channels.createBrand(unique("Energie"), List.of("@" + unique("energie")));
        long channel = channels.createChannel(brand.id(), ChannelType.API, "X", "http://127.0.0.1:9/x", true).channel().id();
        Instant posted = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long postId = intake.accept(new InboundPost(channel, unique("p"), "@klant", "<b>Klant</b>", "Mijn stroom is uitgevallen",
                Visibility.PRIVATE, posted, null, null, true, brand.handles(), "api", null)).postId();
        long caseId = cases.caseOf(postId).orElseThrow().id();
        Browser.signIn(browser, baseUrl(), agent.email(), PASSWORD);

        browser.get(baseUrl() + "/cases/" + caseId + "/sla");
        By firstResponse = By.cssSelector("#sla-panel .sla-clock[data-kind=first-response]");
        wait.until(ExpectedConditions.presenceOfElementLocated(firstResponse));
        assertThat(browser.findElement(firstResponse).getAttribute("class")).contains("sla-running");
        assertThat(browser.findElement(firstResponse).getText()).contains("First response", "on time", "left");

        checker.check(posted.plus(Duration.ofHours(5)));
        browser.navigate().refresh();

        wait.until(ExpectedConditions.attributeContains(firstResponse, "class", "sla-breached"));
        assertThat(browser.findElement(firstResponse).getText()).contains("breached");
        assertThat(browser.findElement(By.cssSelector("#sla-panel .sla-clock[data-kind=resolution]")).getAttribute("class"))
                .contains("sla-running");

        // Narrowed to the brand: the shared test database holds many older active cases that would fill the list.
        browser.get(baseUrl() + "/cases/list?show=active&brand=" + brand.id());
        By badge = By.cssSelector("li[data-case-id='" + caseId + "'] .sla-badge");
        wait.until(ExpectedConditions.presenceOfElementLocated(badge));
        assertThat(browser.findElement(badge).getAttribute("class")).contains("sla-breached");
    }
}
