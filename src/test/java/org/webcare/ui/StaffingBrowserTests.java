package org.webcare.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
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
import org.webcare.channel.Brand;
import org.webcare.channel.ChannelType;
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.support.ApiClient;
import org.webcare.support.Browser;
import org.webcare.support.IntegrationTest;

/** The team lead's staffing page in a real browser, and who may open it. */
class StaffingBrowserTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-agent-password";

    @Autowired
    Intake intake;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start("en");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aTeamLeadSeesArrivalsAndAdvisedAgentsAsAHeatMapOfTheWeek() {
        WebcareUser lead = users.create(unique("lead") + "@example.org", "Lotte Lead", PASSWORD, Role.TEAM_LEAD);
        Brand brand = channels.createBrand(unique("Bezorging"), List.of("@bezorg"));
        long channel = channels.createChannel(brand.id(), ChannelType.API, "X", "http://127.0.0.1:9/x", true).channel().id();
        // Last week's Tuesday 16:30 where the team is: one arrival in the complete week before this one.
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        Instant tuesday = LocalDate.now(zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1)
                .plusDays(1).atTime(16, 30).atZone(zone).toInstant();
        intake.accept(new InboundPost(channel, unique("p"), "@klant", null, "@bezorg <b>waar</b> is mijn pakket?",
                Visibility.PUBLIC, tuesday, null, null, true, brand.handles(), "api", null));

        Browser.signIn(browser, baseUrl(), lead.email(), PASSWORD);
        browser.get(baseUrl() + "/staffing?brand=" + brand.id() + "&weeks=1");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("heatmap-agents")));

        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(brand.name());
        assertThat(browser.findElements(By.cssSelector("#heatmap-agents tbody tr"))).hasSize(7);
        assertThat(browser.findElements(By.cssSelector("#heatmap-agents tbody td"))).hasSize(168);
        assertThat(browser.findElements(By.cssSelector("#heatmap-available tbody td"))).hasSize(168);
        assertThat(browser.findElement(By.cssSelector("#heatmap-available td[data-day=TUESDAY][data-hour='16']")).getAttribute("class"))
                .as("nobody was available while one agent was advised").contains("short");
        WebElement arrivals = browser.findElement(By.cssSelector("#heatmap-arrivals td[data-day=TUESDAY][data-hour='16']"));
        assertThat(arrivals.getText()).isEqualTo("1.0");
        assertThat(arrivals.getAttribute("title")).startsWith("Tuesday 16:00–17:00: 1.0 arrivals");
        WebElement agents = browser.findElement(By.cssSelector("#heatmap-agents td[data-day=TUESDAY][data-hour='16']"));
        // One arrival at 6 minutes is 0.1 Erlang: one agent answering, 1 / (1 − 30 % shrinkage) = 1.4, so 2 to schedule.
        assertThat(agents.getText()).isEqualTo("2");
        assertThat(agents.getAttribute("class")).contains("hot");
        assertThat(browser.findElement(By.cssSelector("#heatmap-agents td[data-day=TUESDAY][data-hour='15']")).getText()).isEqualTo("0");
        assertThat(browser.findElement(By.id("heatmap-agents")).findElement(By.tagName("caption")).getAttribute("textContent"))
                .contains("Agents to schedule per hour of the week");
        assertThat(browser.findElement(By.id("staffing-method")).getText()).contains("Erlang C", "80%", "15 minutes", "30% shrinkage");
        assertThat(browser.findElements(By.id("closed-writing-summary"))).as("open around the clock by default").isEmpty();

        browser.get(baseUrl() + "/staffing?brand=" + brand.id() + "&weeks=none");
        assertThat(browser.findElement(By.id("staffing-error")).getText()).startsWith("weeks:");
        browser.findElement(By.cssSelector("a[href='/staffing']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/staffing$"));
    }

    @Test
    void agentsMayNotOpenTheStaffingPage() {
        ApiClient api = new ApiClient(baseUrl());
        assertThat(api.get("/staffing", tokenFor(anAgent(PASSWORD))).statusCode()).isEqualTo(403);
        assertThat(api.get("/staffing", tokenFor(users.create(unique("lead") + "@example.org", "Lotte Lead", PASSWORD,
                Role.TEAM_LEAD))).statusCode()).isEqualTo(200);
    }
}
