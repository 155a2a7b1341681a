package org.webcare.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.webcare.identity.Role;
import org.webcare.support.Browser;
import org.webcare.support.IntegrationTest;

/** An admin adds a news feed as a listening source, checks it first, and its items arrive in the inbox. */
class RssSourceBrowserTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-admin-password";

    private ChromeDriver browser;
    private HttpServer feedServer;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (feedServer != null) {
            feedServer.stop(0);
        }
    }

    private String serveFeed(String itemTitle) throws IOException {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Regionieuws</title><link>https://regio.example.nl/</link>
                  <item><title>%s</title><link>/nieuws/1</link><guid>regio-1</guid>
                    <description>&lt;p&gt;Honderden huishoudens zaten &lt;b&gt;uren&lt;/b&gt; zonder stroom.&lt;/p&gt;</description>
                    <pubDate>Mon, 23 Nov 2026 09:00:00 +0100</pubDate></item>
                </channel></rss>
                """.formatted(itemTitle);
        feedServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feedServer.createContext("/feed.xml", exchange -> {
            byte[] body = rss.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        feedServer.start();
        return "http://127.0.0.1:" + feedServer.getAddress().getPort() + "/feed.xml";
    }

    @Test
    void addsAFeedAfterCheckingItAndItsItemsArriveInTheInbox() throws IOException {
        String title = "Stroomstoring in " + unique("Wijk");
        String feedUrl = serveFeed(title);
        var brand = channels.createBrand(unique("Netbeheer"));
        var admin = users.create(unique("admin") + "@example.org", "Ada Admin", PASSWORD, Role.ADMIN);
        browser = Browser.start("en");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        Browser.signIn(browser, baseUrl(), admin.email(), PASSWORD);

        browser.get(baseUrl() + "/admin/sources");
        browser.findElement(By.cssSelector("#add-rss summary")).click();
        WebElement form = browser.findElement(By.cssSelector("#add-rss form"));
        new Select(form.findElement(By.name("brandId"))).selectByVisibleText(brand.name());
        form.findElement(By.name("name")).sendKeys("Regionieuws");
        form.findElement(By.name("setting.url")).sendKeys(feedUrl);
        form.findElement(By.xpath(".//button[text()='Check connection']")).click();
        WebElement preview = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#check-result .query-sample")));
        assertThat(preview.getText()).contains(title).contains("Honderden huishoudens zaten uren zonder stroom.");
        assertThat(jdbc.sql("select count(*) from post where title = ?").param(title).query(Long.class).single())
                .as("a check stores nothing").isZero();

        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.ok"), "Added Regionieuws"));
        wait.until(driver -> jdbc.sql("select count(*) from post where title = ?").param(title).query(Long.class).single() == 1);

        browser.get(baseUrl() + "/inbox?brand=" + brand.id());
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#post-list"))).getText()).contains(title);
        assertThat(jdbc.sql("select url from post where title = ?").param(title).query(String.class).single())
                .isEqualTo("http://127.0.0.1:" + feedServer.getAddress().getPort() + "/nieuws/1");
    }

    @Test
    void refusesAFeedOnAnInternalAddressWithTheReason() {
        var brand = channels.createBrand(unique("Intranet"));
        var admin = users.create(unique("admin") + "@example.org", "Ada Admin", PASSWORD, Role.ADMIN);
        browser = Browser.start("en");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        Browser.signIn(browser, baseUrl(), admin.email(), PASSWORD);

        browser.get(baseUrl() + "/admin/sources");
        browser.findElement(By.cssSelector("#add-rss summary")).click();
        WebElement form = browser.findElement(By.cssSelector("#add-rss form"));
        new Select(form.findElement(By.name("brandId"))).selectByVisibleText(brand.name());
        form.findElement(By.name("name")).sendKeys("Metadata");
        form.findElement(By.name("setting.url")).sendKeys("http://169.254.169.254/latest/meta-data/");
        form.findElement(By.xpath(".//button[text()='Check connection']")).click();

        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#check-result .notice.error"))).getText())
                .contains("169.254.169.254");
    }
}
