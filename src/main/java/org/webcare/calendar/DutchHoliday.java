package org.webcare.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Arrays;
import java.util.Optional;

/**
 * The Dutch public holidays, computed for any year. Easter follows the Gregorian computus (the anonymous algorithm of
 * Meeus/Jones/Butcher); the other movable feasts are counted from it.
 */
public enum DutchHoliday {
    NIEUWJAARSDAG("nieuwjaarsdag", "Nieuwjaarsdag"),
    GOEDE_VRIJDAG("goede-vrijdag", "Goede Vrijdag"),
    EERSTE_PAASDAG("eerste-paasdag", "Eerste Paasdag"),
    TWEEDE_PAASDAG("tweede-paasdag", "Tweede Paasdag"),
    KONINGSDAG("koningsdag", "Koningsdag"),
    BEVRIJDINGSDAG("bevrijdingsdag", "Bevrijdingsdag"),
    HEMELVAARTSDAG("hemelvaartsdag", "Hemelvaartsdag"),
    EERSTE_PINKSTERDAG("eerste-pinksterdag", "Eerste Pinksterdag"),
    TWEEDE_PINKSTERDAG("tweede-pinksterdag", "Tweede Pinksterdag"),
    EERSTE_KERSTDAG("eerste-kerstdag", "Eerste Kerstdag"),
    TWEEDE_KERSTDAG("tweede-kerstdag", "Tweede Kerstdag");

    private final String key;
    private final String title;

    DutchHoliday(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** The name in a calendar definition, e.g. {@code goede-vrijdag}. */
    public String key() {
        return key;
    }

    /** The Dutch name, e.g. {@code Goede Vrijdag}. */
    public String title() {
        return title;
    }

    public static Optional<DutchHoliday> byKey(String key) {
        return Arrays.stream(values()).filter(h -> h.key.equals(key)).findFirst();
    }

    public LocalDate in(int year) {
        return switch (this) {
            case NIEUWJAARSDAG -> LocalDate.of(year, Month.JANUARY, 1);
            case GOEDE_VRIJDAG -> easter(year).minusDays(2);
            case EERSTE_PAASDAG -> easter(year);
            case TWEEDE_PAASDAG -> easter(year).plusDays(1);
            // King's Day moves to the Saturday before when 27 April is a Sunday.
            case KONINGSDAG -> {
                LocalDate day = LocalDate.of(year, Month.APRIL, 27);
                yield day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.minusDays(1) : day;
            }
            case BEVRIJDINGSDAG -> LocalDate.of(year, Month.MAY, 5);
            case HEMELVAARTSDAG -> easter(year).plusDays(39);
            case EERSTE_PINKSTERDAG -> easter(year).plusDays(49);
            case TWEEDE_PINKSTERDAG -> easter(year).plusDays(50);
            case EERSTE_KERSTDAG -> LocalDate.of(year, Month.DECEMBER, 25);
            case TWEEDE_KERSTDAG -> LocalDate.of(year, Month.DECEMBER, 26);
        };
    }

    /** Easter Sunday of a Gregorian year. */
    public static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
