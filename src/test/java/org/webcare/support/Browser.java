package org.webcare.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the system's packages (Debian's {@code chromium} and {@code chromium-driver}); nothing is
 * downloaded. Paths can be changed with {@code WEBCARE_CHROMIUM} and {@code WEBCARE_CHROMEDRIVER}.
 */
public final class Browser {

    private Browser() {
    }

    public static ChromeDriver start(String language) {
        File chromium = new File(env("WEBCARE_CHROMIUM", "/usr/bin/chromium"));
        File driver = new File(env("WEBCARE_CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !driver.canExecute()) {
            throw new IllegalStateException("The browser tests need Chromium and its driver at " + chromium + " and " + driver
                    + ": install Debian's packages with 'apt-get install chromium chromium-driver' (.ci/run does).");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        try {
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1400,900", "--lang=" + language,
                    "--user-data-dir=" + Files.createTempDirectory("webcare-chromium").toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /** Signs in on the login page the inbox redirects to, and waits for the inbox. */
    public static void signIn(ChromeDriver browser, String baseUrl, String email, String password) {
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get(baseUrl + "/inbox");
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login"));
        browser.findElement(org.openqa.selenium.By.name("username")).sendKeys(email);
        browser.findElement(org.openqa.selenium.By.name("password")).sendKeys(password);
        browser.findElement(org.openqa.selenium.By.cssSelector("form button[type=submit]")).click();
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(org.openqa.selenium.By.id("post-list")));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
