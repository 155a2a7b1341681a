package org.webcare.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.calendar.BusinessCalendar;
import org.webcare.calendar.BusinessCalendars;
import org.webcare.channel.Brand;
import org.webcare.identity.Role;
import org.webcare.identity.WebcareUser;
import org.webcare.support.Browser;
import org.webcare.support.IntegrationTest;

/** The team lead's calendar editor in a real browser. */
class CalendarBrowserTests extends IntegrationTest {

    private static final String PASSWORD = "a-long-lead-password";

    @Autowired
    BusinessCalendars calendars;

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
    void aTeamLeadSetsUpSplitShiftsAndHolidaysSeeingMistakesNextToTheField() {
        WebcareUser lead = users.create(unique("lead") + "@example.org", "Lotte Lead", PASSWORD, Role.TEAM_LEAD);
        Brand brand = channels.createBrand("<b>" + unique("Energie") + "</b>");
        Browser.signIn(browser, baseUrl(), lead.email(), PASSWORD);

        browser.findElement(By.id("nav-calendars")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("brand-" + brand.id())));
        assertThat(browser.findElement(By.cssSelector("#brand-" + brand.id() + " h2")).getText()).isEqualTo(brand.name());
        browser.findElement(By.cssSelector("#brand-" + brand.id() + " a.button")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("calendar-form")));
        browser.findElement(By.id("calendar-name")).sendKeys("Kantoortijden");
        browser.findElement(By.cssSelector("#day-MONDAY button[name=addPeriod]")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#day-MONDAY .period"), 2));
        List<org.openqa.selenium.WebElement> monday = browser.findElements(By.cssSelector("#day-MONDAY .period"));
        monday.get(1).findElement(By.name("MONDAY.start")).sendKeys("16:00");
        monday.get(1).findElement(By.name("MONDAY.end")).sendKeys("18:00");
        browser.findElement(By.id("calendar-save")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#day-MONDAY .field-error")));
        assertThat(browser.findElements(By.cssSelector("#day-MONDAY .period")).get(1).getText())
                .contains("hours.MONDAY[1]: 16:00–18:00 overlaps 09:00–17:00");
        assertThat(calendars.ofBrand(brand.id())).isEmpty();

        browser.findElements(By.cssSelector("#day-MONDAY .period")).get(1).findElement(By.name("MONDAY.start")).clear();
        browser.findElements(By.cssSelector("#day-MONDAY .period")).get(1).findElement(By.name("MONDAY.start")).sendKeys("17:30");
        browser.findElement(By.cssSelector("#dutch-holidays input[value=koningsdag]")).click();
        browser.findElement(By.id("calendar-dates")).sendKeys("2026-12-31");
        browser.findElement(By.id("calendar-save")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        BusinessCalendar saved = calendars.ofBrand(brand.id()).getFirst();
        assertThat(saved.name()).isEqualTo("Kantoortijden");
        assertThat(saved.definition().periods(java.time.DayOfWeek.MONDAY)).extracting(Object::toString)
                .containsExactly("09:00–17:00", "17:30–18:00");
        assertThat(saved.isOpen(Instant.parse("2026-03-02T16:45:00Z"))).as("Monday 17:45 in Amsterdam").isTrue();
        int year = Year.now().getValue();
        String preview = browser.findElement(By.id("preview-" + year)).getText();
        assertThat(preview).contains("Eerste Kerstdag").doesNotContain("Koningsdag");
        assertThat(browser.findElement(By.id("preview-" + (year + 1))).getText()).contains("Tweede Pinksterdag");

        // Removing a period, and a typo in the time zone shown next to it.
        browser.findElements(By.cssSelector("#day-MONDAY button[name=removePeriod]")).get(1).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#day-MONDAY .period"), 1));
        browser.findElement(By.id("calendar-zone")).clear();
        browser.findElement(By.id("calendar-zone")).sendKeys("Europe/Amsterdan");
        browser.findElement(By.id("calendar-save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-timeZone")));
        assertThat(browser.findElement(By.id("error-timeZone")).getText()).isEqualTo("timeZone: unknown zone 'Europe/Amsterdan'");
        assertThat(calendars.get(saved.id()).definition().periods(java.time.DayOfWeek.MONDAY)).hasSize(2);
    }
}
