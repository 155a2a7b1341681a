package org.webcare.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.webcare.support.Browser;

/** A customer answers the survey on a phone: big buttons, no sideways scrolling, no sign-in. */
class SurveyBrowserTests extends SurveyTest {

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openPhoneSizedBrowser() {
        browser = Browser.start("nl");
        browser.manage().window().setSize(new Dimension(390, 844));
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theCustomerTapsAScoreAddsACommentAndIsThanked() {
        surveysOn(Map.of("kind", "nps"));
        long caseId = answeredAndResolved(post("@fleur", "@shop hallo, mijn pakket is beschadigd aangekomen, wat kan ik doen?"));
        invitations.sendDue(later(Duration.ofHours(2)));
        Matcher link = Pattern.compile("(http://\\S+/s/[A-Za-z0-9_-]{22})").matcher(invitationsOf(caseId).getFirst().text());
        assertThat(link.find()).isTrue();

        browser.get(link.group(1));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".survey-options")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Hoe waarschijnlijk is het dat je " + brand.name());
        assertThat(browser.findElements(By.cssSelector("input[name=score]"))).hasSize(11);
        Long overflow = (Long) browser.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);
        WebElement nine = browser.findElement(By.xpath("//input[@value='9']/following-sibling::span"));
        assertThat(nine.getSize().getHeight()).as("a button a thumb can hit").isGreaterThanOrEqualTo(44);
        assertThat(nine.getSize().getWidth()).isGreaterThanOrEqualTo(44);

        browser.findElement(By.xpath("//input[@value='9']/parent::label")).click();
        assertThat(browser.findElement(By.cssSelector("input[value='9']")).isSelected()).isTrue();
        browser.findElement(By.name("comment")).sendKeys("Netjes opgelost");
        browser.findElement(By.cssSelector("button.survey-send")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Bedankt!"));
        Survey survey = surveyOf(caseId);
        assertThat(survey.score()).isEqualTo(9);
        assertThat(survey.comment()).isEqualTo("Netjes opgelost");
        assertThat(browser.manage().getCookieNamed("JSESSIONID")).as("no session for the customer").isNull();
    }
}
