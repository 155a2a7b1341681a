package org.webcare.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

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
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.support.Browser;
import org.webcare.support.IntegrationTest;
import org.webcare.support.TestExpert;

/** An agent in a real browser asks an expert from the case's consults panel and mentions a colleague in a note. */
class ConsultsBrowserTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-agent-password";

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
    void agentAsksAnExpertAndSeesTheAnswerAppearOnceGivenThroughTheLink() {
        WebcareUser agent = anAgent(PASSWORD);
        long caseId = aCase("Mijn teruglevering staat niet op de jaarafrekening");
        String expert = unique("energie") + "@example.org";
        String question = "Wordt teruglevering " + unique("2026") + " nog verrekend?";
        Browser.signIn(browser, baseUrl(), agent.email(), PASSWORD);
        browser.get(baseUrl() + "/cases/" + caseId + "/consults");

        browser.findElement(By.name("expertEmail")).sendKeys(expert);
        browser.findElement(By.name("question")).sendKeys(question);
        new Select(browser.findElement(By.name("dueIn"))).selectByValue("P1D");
        browser.findElement(By.cssSelector(".consult-form button[type=submit]")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#consult-list li.consult[data-status=OPEN]")));
        browser.executeScript("window.notReloaded = true");
        assertThat(browser.findElement(By.cssSelector("#consult-list .consult-question")).getText()).isEqualTo(question);
        assertThat(browser.findElement(By.cssSelector("#consult-list li.consult")).getText()).contains(expert).contains("waiting");
        assertThat(browser.findElement(By.name("question")).getAttribute("value")).as("the form is ready for the next question").isEmpty();

        new TestExpert().answer(TestExpert.link(TestExpert.mailTo(expert, question)), "Ja, in de volgende <b>afrekening</b>.");

        // The list refreshes itself while a consult is open.
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#consult-list li.consult[data-status=ANSWERED] .consult-answer")));
        assertThat(browser.findElement(By.cssSelector("#consult-list .consult-answer .msg-text")).getText())
                .isEqualTo("Ja, in de volgende <b>afrekening</b>.");
        assertThat(browser.findElement(By.cssSelector("#consult-list .consult-answer")).getText())
                .contains("Answered by " + expert + " through the link");
        assertThat(browser.executeScript("return window.notReloaded === true")).as("no page reload").isEqualTo(true);
    }

    @Test
    void aColleagueMentionedInANoteSeesItInTheNavigationAndFindsTheCase() {
        WebcareUser agent = anAgent(PASSWORD);
        String firstName = unique("Fenna");
        WebcareUser colleague = users.create(unique("fenna") + "@example.org", firstName + " Bakker", PASSWORD, Role.AGENT);
        long caseId = aCase("Ik ben verhuisd en betaal nu dubbel");
        Browser.signIn(browser, baseUrl(), agent.email(), PASSWORD);
        browser.get(baseUrl() + "/cases/" + caseId + "/notes");

        browser.findElement(By.name("text")).sendKeys("@" + firstName + " weet jij of <i>beide</i> contracten lopen?");
        browser.findElement(By.cssSelector(".note-form button[type=submit]")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#notes-panel li.note")));
        assertThat(browser.findElement(By.cssSelector("#notes-panel li.note .msg-text")).getText())
                .isEqualTo("@" + firstName + " weet jij of <i>beide</i> contracten lopen?");
        assertThat(browser.findElement(By.cssSelector("#notes-panel li.note")).getText())
                .contains("internal").contains("Mentioned: " + firstName + " Bakker");

        browser.manage().deleteAllCookies();
        Browser.signIn(browser, baseUrl(), colleague.email(), PASSWORD);
        assertThat(browser.findElement(By.id("unread-mentions")).getText()).isEqualTo("1");
        browser.findElement(By.cssSelector(".nav a[href='/mentions']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.mention.mention-unread")));
        assertThat(browser.findElement(By.cssSelector("li.mention")).getText()).contains("Case #" + caseId).contains("Anne de Vries wrote:");

        browser.findElement(By.cssSelector("li.mention button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.mention[data-read=true]")));
        assertThat(browser.findElements(By.id("unread-mentions"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("li.mention a")).getAttribute("href"))
                .endsWith("/mentions/" + browser.findElement(By.cssSelector("li.mention")).getAttribute("data-mention-id") + "/open");
    }

    private long aCase(String text) {
        var channel = anApiChannel("http://127.0.0.1:9/callback");
        long postId = intake.accept(new InboundPost(channel.channel().id(), unique("dm"), "@klant", "Kees Klant", text,
                Visibility.PRIVATE, Instant.now(), null)).postId();
        return cases.caseOf(postId).orElseThrow().id();
    }
}
