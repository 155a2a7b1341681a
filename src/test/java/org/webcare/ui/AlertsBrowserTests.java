package org.webcare.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.alerting.AlertRules;
import org.webcare.listening.SavedQueries;
import org.webcare.listening.SavedQuery;
import org.webcare.support.Browser;
import org.webcare.support.IntegrationTest;

class AlertsBrowserTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-agent-password";

    @Autowired
    SavedQueries queries;

    @Autowired
    AlertRules rules;

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
    void addsAnAlertToAQueryShowsWhyAnInternalWebhookIsRefusedAndRemovesIt() {
        SavedQuery query = queries.save(unique("Alarm"), "stroomstoring", null);
        signIn(anAgent(PASSWORD).email());
        browser.get(baseUrl() + "/listening");
        By section = By.id("alerts-" + query.id());

        form(section).findElement(By.name("webhookUrl")).sendKeys("http://10.0.0.7/hook");
        form(section).findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#alerts-" + query.id() + " .notice.error"))).getText())
                .contains("10.0.0.7, a private address");

        form(section).findElement(By.name("webhookUrl")).clear();
        new Select(form(section).findElement(By.name("cadence"))).selectByValue("HOURLY");
        form(section).findElement(By.name("emails")).sendKeys("team@example.org, lead@example.org");
        form(section).findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(section, "team@example.org, lead@example.org"));
        assertThat(browser.findElement(section).getText()).contains("Hourly digest");
        assertThat(rules.forQuery(query.id())).hasSize(1);

        browser.findElement(section).findElement(By.cssSelector("table button.danger")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(section, "No alerts for this query yet."));
        assertThat(rules.forQuery(query.id())).isEmpty();
    }

    @Test
    void setsWhoHearsAboutABrandsCrises() {
        var brand = channels.createBrand(unique("Waterbedrijf"));
        signIn(anAgent(PASSWORD).email());
        browser.get(baseUrl() + "/listening");
        By section = By.id("crisis-alerts-" + brand.id());

        form(section).findElement(By.name("emails")).sendKeys("crisisteam@example.org");
        form(section).findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(section, "crisisteam@example.org"));
        assertThat(rules.all()).filteredOn(rule -> brand.id() == (rule.brandId() == null ? -1 : rule.brandId()))
                .extracting(rule -> rule.emails()).containsExactly(java.util.List.of("crisisteam@example.org"));
    }

    private void signIn(String email) {
        Browser.signIn(browser, baseUrl(), email, PASSWORD);
    }

    private WebElement form(By section) {
        return browser.findElement(section).findElement(By.cssSelector("form.inline-form"));
    }
}
