package org.webcare.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class PromiseTests {

    private static Instant amsterdam(String local) {
        return LocalDateTime.parse(local).atZone(OfficeHours.AMSTERDAM).toInstant();
    }

    @Test
    void datesTheDueTimeRelativeToNowInTheCalendarsZone() {
        Instant now = amsterdam("2026-03-04T07:30");
        assertThat(Promise.of(amsterdam("2026-03-04T16:00"), now, OfficeHours.AMSTERDAM, "nl")).isEqualTo("vandaag vóór 16:00");
        assertThat(Promise.of(amsterdam("2026-03-05T12:00"), now, OfficeHours.AMSTERDAM, "nl")).isEqualTo("morgen vóór 12:00");
        assertThat(Promise.of(amsterdam("2026-03-09T10:00"), now, OfficeHours.AMSTERDAM, "nl")).isEqualTo("maandag vóór 10:00");
        assertThat(Promise.of(amsterdam("2026-03-05T12:00"), now, OfficeHours.AMSTERDAM, "en")).isEqualTo("tomorrow before 12:00");
        assertThat(Promise.of(amsterdam("2026-03-04T16:00:30"), now, OfficeHours.AMSTERDAM, "en")).isEqualTo("today before 16:01");
        assertThat(Promise.of(amsterdam("2026-03-20T09:00"), now, OfficeHours.AMSTERDAM, "nl")).isEqualTo("op 20 maart vóór 09:00");
    }
}
