package org.webcare.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

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
import org.webcare.cases.ReplyTemplates;
import org.webcare.channel.ChannelType;
import org.webcare.channel.NewChannel;
import org.webcare.identity.WebcareUser;
import org.webcare.support.ApiClient;
import org.webcare.support.Browser;
import org.webcare.support.IntegrationTest;

/** Reply templates in a real browser: picked from the composer with the keyboard, and managed on the admin page. */
class TemplatesBrowserTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-agent-password";

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
    void agentInsertsATemplateFilledInForTheCustomerWithTheKeyboard() {
        WebcareUser agent = anAgent(PASSWORD);
        var brand = channels.createBrand(unique("Webwinkel"));
        NewChannel channel = channels.createChannel(brand.id(), ChannelType.API, "Twitter", "http://127.0.0.1:9/x", true);
        templates.create(brand.id(), "Bezorging vertraagd", "Hoi {{customer.name}}, je pakket komt morgen. ^{{agent.initials}}", "nl");
        templates.create(brand.id(), "Bedankt", "Graag gedaan {{customer.name}}!", "nl");
        String text = "Waar blijft mijn pakket " + unique("nr");
        new ApiClient(baseUrl()).deliverPost(channel.channel().id(), channel.secret(), ApiClient.aPost(unique("tweet"), text));
        Browser.signIn(browser, baseUrl(), agent.email(), PASSWORD);

        By post = By.xpath("//ol[@id='post-list']//a[.//span[@class='post-text' and text()='" + text + "']]");
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(post).click();
            return true;
        });
        wait.until(ExpectedConditions.elementToBeClickable(By.id("reply-text")));

        browser.findElement(By.tagName("body")).sendKeys("t");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("template-search");
        browser.switchTo().activeElement().sendKeys("bezorg");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#template-results .template-option"), "Bezorging vertraagd"));
        assertThat(browser.findElements(By.cssSelector("#template-results .template-option"))).hasSize(1);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);

        wait.until(driver -> !driver.findElement(By.id("reply-text")).getDomProperty("value").isEmpty());
        assertThat(browser.findElement(By.id("reply-text")).getDomProperty("value"))
                .isEqualTo("Hoi Kees Klant, je pakket komt morgen. ^AV");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("reply-text");
        assertThat(browser.findElements(By.cssSelector("#template-results .template-option"))).isEmpty();

        // Sent with "sign" checked, the reply is signed once.
        browser.findElement(By.cssSelector("#composer button[type=submit]")).click();
        // The timeline is redrawn live as the delivery moves on: read it by locator, not by a held element.
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#timeline .msg-agent .msg-text"),
                "Hoi Kees Klant, je pakket komt morgen. ^AV"));
    }

    @Test
    void adminAddsATemplateAfterAnUnknownVariableIsNamed() {
        WebcareUser admin = anAdmin(PASSWORD);
        var brand = channels.createBrand(unique("Verzekeraar"));
        Browser.signIn(browser, baseUrl(), admin.email(), PASSWORD);
        browser.get(baseUrl() + "/admin#templates");
        String name = unique("Schade");

        fill(brand.name(), name, "Hoi {{klant}}");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice.error"))).getText())
                .contains("{{klant}}");

        fill(brand.name(), name, "Hoi {{customer.name}}, <b>sorry</b> ^{{agent.initials}}");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#templates table"), name));
        assertThat(browser.findElement(By.cssSelector("#templates table")).getText())
                .contains("Hoi {{customer.name}}, <b>sorry</b> ^{{agent.initials}}");
    }

    private void fill(String brandName, String name, String text) {
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector(".template-form select[name=brandId]")))
                .selectByVisibleText(brandName);
        browser.findElement(By.cssSelector(".template-form input[name=name]")).clear();
        browser.findElement(By.cssSelector(".template-form input[name=name]")).sendKeys(name);
        browser.findElement(By.cssSelector(".template-form textarea[name=text]")).clear();
        browser.findElement(By.cssSelector(".template-form textarea[name=text]")).sendKeys(text);
        browser.findElement(By.cssSelector(".template-form button[type=submit]")).click();
    }
}
