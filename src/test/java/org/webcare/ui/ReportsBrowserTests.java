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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Cases;
import org.webcare.channel.Brand;
import org.webcare.channel.ChannelType;
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.support.Browser;
import org.webcare.support.IntegrationTest;

/** The reports page in a real browser: filters refresh the report in place and keep it in the URL; tiles drill down. */
class ReportsBrowserTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-agent-password";

    @Autowired
    Intake intake;

    @Autowired
    Cases cases;

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
    void aTeamLeadFiltersTheReportAndOpensTheCasesBehindATile() {
        WebcareUser lead = users.create(unique("lead") + "@example.org", "Lotte Lead", PASSWORD, Role.TEAM_LEAD);
        Brand brand = channels.createBrand(unique("Bezorging"), List.of("@bezorg"));
        long channel = channels.createChannel(brand.id(), ChannelType.API, "X", "http://127.0.0.1:9/x", true).channel().id();
        // Twenty days ago: outside the last 7 days, inside the last 30.
        Instant earlier = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        long post = intake.accept(new InboundPost(channel, unique("p"), "@klant", "Kees Klant", "@bezorg waar is mijn pakket?",
                Visibility.PUBLIC, earlier, null, null, true, brand.handles(), "api", null)).postId();
        long caseId = cases.caseOf(post).orElseThrow().id();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(10));

        Browser.signIn(browser, baseUrl(), lead.email(), PASSWORD);
        browser.findElement(By.id("nav-reports")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-filters")));
        new Select(browser.findElement(By.name("brand"))).selectByValue(Long.toString(brand.id()));
        wait.until(ExpectedConditions.urlContains("brand=" + brand.id()));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#tile-monitored .tile-value"), "0"));

        new Select(browser.findElement(By.id("report-period"))).selectByValue("30d");
        wait.until(ExpectedConditions.urlContains("period=30d"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#tile-monitored .tile-value"), "1"));
        assertThat(browser.findElement(By.cssSelector("#tile-answer-rate .tile-value")).getText()).isEqualTo("0%");

        browser.findElement(By.id("tile-answer-rate")).click();
        wait.until(ExpectedConditions.urlContains("/reports/cases"));
        assertThat(browser.getCurrentUrl()).contains("figure=UNANSWERED", "brand=" + brand.id(), "period=30d");
        assertThat(browser.findElement(By.id("drill-figure")).getText()).isEqualTo("Cases without a reply");
        assertThat(browser.findElements(By.cssSelector("#drill-down tbody tr[data-case]")))
                .extracting(row -> row.getAttribute("data-case")).containsExactly(Long.toString(caseId));

        browser.findElement(By.cssSelector("#drill-down a[href='/cases/" + caseId + "']")).click();
        wait.until(ExpectedConditions.urlContains("/cases/" + caseId));
    }
}
