package org.webcare.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.channel.NewChannel;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.support.Browser;
import org.webcare.support.IntegrationTest;

/** A team lead sees a crisis on the Listening page, follows it to the brand's live dashboard and its driving post. */
class CrisisBrowserTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-agent-password";

    @Autowired
    Intake intake;

    @Autowired
    CrisisWatch watch;

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void showsAnOpenCrisisWithItsReasonAndTheDrivingPost() {
        NewChannel channel = anApiChannel("http://127.0.0.1:9/x");
        String brand = channel.channel().brandName();
        String text = "Schandalig: al 3 dagen geen stroom en " + brand + " reageert niet. Nooit meer!";
        intake.accept(new InboundPost(channel.channel().id(), unique("p"), "@journalist", "Jet Journalist", text,
                Visibility.PUBLIC, Instant.now().minusSeconds(60), null, 480_000L, false, List.of(), "api", null));
        watch.check(Instant.now());

        browser = Browser.start("en");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        Browser.signIn(browser, baseUrl(), anAgent(PASSWORD).email(), PASSWORD);
        browser.get(baseUrl() + "/listening");
        var crisis = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//section[contains(@class,'crisis')]//li[.//strong[text()='" + brand + "']]")));
        assertThat(crisis.getText()).contains("High-reach post").contains("@journalist").contains("480,000 followers");

        crisis.findElement(By.linkText("live view")).click();
        var banner = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#figures .crisis")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Listening dashboard: " + brand);
        assertThat(banner.getText()).contains("High-reach post").contains(text);
    }
}
