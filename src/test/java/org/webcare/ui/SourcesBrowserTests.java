package org.webcare.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.channel.ChannelType;
import org.webcare.channel.ConnectorChannels;
import org.webcare.channel.FakePlatform;
import org.webcare.identity.Role;
import org.webcare.support.Browser;
import org.webcare.support.IntegrationTest;

/** An admin watches the health of the connected sources, sees why one fails, checks it and pauses it. */
class SourcesBrowserTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-admin-password";

    @Autowired
    ConnectorChannels connectorChannels;

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void showsAFailingSourceWithItsErrorChecksItAndPausesIt() {
        String platform = "admin-" + UUID.randomUUID();
        var brand = channels.createBrand(unique("Gemeente"));
        var channel = connectorChannels.create(brand.id(), ChannelType.FAKE, "Meldingen", Map.of("platform", platform, "interval", "PT0.2S"));
        FakePlatform.named(platform).publish("@inwoner", "De lantaarnpaal in de Dorpsstraat is kapot");
        FakePlatform.named(platform).fail(FakePlatform.Failure.PERMANENT);
        var admin = users.create(unique("admin") + "@example.org", "Ada Admin", PASSWORD, Role.ADMIN);

        browser = Browser.start("en");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        Browser.signIn(browser, baseUrl(), admin.email(), PASSWORD);
        By row = By.cssSelector("#health tr[data-channel-id='" + channel.id() + "']");
        wait.until(driver -> {
            driver.get(baseUrl() + "/admin/sources");
            return driver.findElement(row).getText().contains("failing");
        });
        assertThat(browser.findElement(row).getText()).contains("the fake platform refuses the credentials");

        FakePlatform.named(platform).fail(FakePlatform.Failure.NONE);
        browser.findElement(row).findElement(By.xpath(".//button[text()='Check connection']")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#check-result .query-sample"))).getText())
                .contains("De lantaarnpaal in de Dorpsstraat is kapot");

        browser.findElement(row).findElement(By.xpath(".//button[text()='Pause']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "paused"));
        assertThat(browser.findElement(row).findElement(By.xpath(".//button[text()='Resume']")).isDisplayed()).isTrue();
    }
}
