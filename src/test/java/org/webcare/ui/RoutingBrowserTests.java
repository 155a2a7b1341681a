package org.webcare.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Cases;
import org.webcare.channel.Brand;
import org.webcare.channel.Channel;
import org.webcare.channel.ChannelType;
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.routing.AgentStatus;
import org.webcare.routing.Agents;
import org.webcare.routing.Queue;
import org.webcare.routing.Queues;
import org.webcare.routing.RoutingRules;
import org.webcare.routing.RuleDraft;
import org.webcare.routing.Strategy;
import org.webcare.shared.Visibility;
import org.webcare.support.Browser;
import org.webcare.support.IntegrationTest;

/** The team lead's routing page and the case's routing panel in a real browser. */
class RoutingBrowserTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-agent-password";

    @Autowired
    Queues queues;

    @Autowired
    RoutingRules rules;

    @Autowired
    Agents agents;

    @Autowired
    Intake intake;

    @Autowired
    Cases cases;

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
    void aTeamLeadTriesASamplePostAndSeesWhichRuleQueueAndAgentWouldTakeIt() {
        WebcareUser lead = users.create(unique("lead") + "@example.org", "Lotte Lead", PASSWORD, Role.TEAM_LEAD);
        WebcareUser anne = anAgent(PASSWORD);
        agents.setStatus(anne.id(), AgentStatus.AVAILABLE);
        Brand brand = channels.createBrand(unique("Energie"), List.of("@" + unique("energie")));
        Channel channel = channels.createChannel(brand.id(), ChannelType.API, "X", "http://127.0.0.1:9/x", true).channel();
        Queue english = queues.create(brand.id(), "English", null, Strategy.MANUAL, false, List.of());
        Queue complaints = queues.create(brand.id(), "<b>Klachten</b>", "Team Noord", Strategy.ROUND_ROBIN, true, List.of(anne.id()));
        rules.create(brand.id(), new RuleDraft("Engelstalig", english.id(), null, List.of("en"), null, null, null, null, null));
        rules.create(brand.id(), new RuleDraft("Boze klanten", complaints.id(), null, null, List.of("complaint"), null, null, null, null));
        Browser.signIn(browser, baseUrl(), lead.email(), PASSWORD);

        browser.get(baseUrl() + "/routing");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("routing-test-form")));
        assertThat(browser.findElement(By.id("brand-" + brand.id())).getText()).contains("<b>Klachten</b>", "Engelstalig", "Boze klanten");
        new Select(browser.findElement(By.cssSelector("#routing-test-form select[name=channelId]"))).selectByValue(String.valueOf(channel.id()));
        browser.findElement(By.cssSelector("#routing-test-form textarea[name=text]"))
                .sendKeys("Ik ben echt ontevreden over jullie slechte service, dit is belachelijk");
        browser.findElement(By.cssSelector("#routing-test-form button[type=submit]")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#routing-trial .trial-queue")));
        assertThat(browser.findElement(By.cssSelector("#routing-trial .trial-queue")).getText()).isEqualTo("<b>Klachten</b>");
        assertThat(browser.findElement(By.cssSelector("#routing-trial .trial-assignee")).getText()).isEqualTo(anne.displayName());
        List<String> verdicts = browser.findElements(By.cssSelector("#routing-trial .trial-verdicts > li")).stream()
                .map(li -> li.getText()).toList();
        assertThat(verdicts).hasSize(2);
        assertThat(verdicts.get(0)).contains("Engelstalig", "did not match", "Language: the rule asks en, the case has nl");
        assertThat(verdicts.get(1)).contains("Boze klanten", "matched");
        assertThat(browser.getCurrentUrl()).as("answered in place").endsWith("/routing");
    }

    @Test
    void anAgentGoesAvailableClaimsACaseAndTagsItsCustomer() {
        WebcareUser agent = anAgent(PASSWORD);
        Brand brand = channels.createBrand(unique("Energie"), List.of("@" + unique("energie")));
        Channel channel = channels.createChannel(brand.id(), ChannelType.API, "X", "http://127.0.0.1:9/x", true).channel();
        queues.create(brand.id(), "Algemeen", null, Strategy.MANUAL, true, List.of(agent.id()));
        String customer = unique("@klant");
        var post = intake.accept(new InboundPost(channel.id(), unique("post"), customer, "Kees", "Hoe kan ik mijn adres wijzigen?",
                Visibility.PUBLIC, Instant.now(), null, null, true, brand.handles()));
        long caseId = cases.caseOf(post.postId()).orElseThrow().id();
        Browser.signIn(browser, baseUrl(), agent.email(), PASSWORD);

        browser.get(baseUrl() + "/cases/" + caseId + "/routing");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#routing-panel .panel-queue")));
        assertThat(browser.findElement(By.cssSelector("#routing-panel .panel-queue")).getText()).contains("Algemeen");
        assertThat(browser.findElement(By.cssSelector("#routing-panel .panel-assignee")).getText()).contains("waiting");

        browser.findElement(By.cssSelector("#status-switch .status-available")).click();
        wait.ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeContains(By.id("status-switch"), "class", "status-available"));
        assertThat(agents.get(agent.id()).status()).isEqualTo(AgentStatus.AVAILABLE);

        browser.findElement(By.cssSelector("#routing-panel button.claim")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#routing-panel .panel-assignee"), agent.displayName()));
        assertThat(cases.get(caseId).assigneeId()).isEqualTo(agent.id());

        browser.findElement(By.cssSelector("#routing-panel .tag-form input[name=tag]")).sendKeys("VIP");
        browser.findElement(By.cssSelector("#routing-panel .tag-form button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#routing-panel .tag-list"), "vip"));
        browser.findElement(By.cssSelector("#routing-panel .tag-form input[name=tag]")).sendKeys("not a tag!");
        browser.findElement(By.cssSelector("#routing-panel .tag-form button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#routing-panel .notice.error")));
        assertThat(browser.findElement(By.cssSelector("#routing-panel .notice.error")).getText()).contains("not a tag");
        assertThat(browser.findElement(By.cssSelector("#routing-panel .tag-list")).getText()).contains("vip");
    }
}
