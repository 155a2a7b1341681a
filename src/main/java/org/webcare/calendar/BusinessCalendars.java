package org.webcare.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.shared.ConflictException;
import org.webcare.shared.NotFoundException;

/** The brands' business calendars: stored, validated definitions with a name unique within the brand. */
@Service
public class BusinessCalendars {

    static final int MAX_NAME_LENGTH = 120;

    private final JdbcClient jdbc;
    private final IcsFetcher fetcher;

    BusinessCalendars(JdbcClient jdbc, IcsFetcher fetcher) {
        this.jdbc = jdbc;
        this.fetcher = fetcher;
    }

    public Optional<BusinessCalendar> find(long id) {
        return jdbc.sql("select * from business_calendar where id = ?").param(id).query(BusinessCalendars::map).optional();
    }

    public BusinessCalendar get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("calendar: no calendar with id " + id));
    }

    /** A brand's calendars by name. */
    public List<BusinessCalendar> ofBrand(long brandId) {
        return jdbc.sql("select * from business_calendar where brand_id = ? order by lower(name), id").param(brandId)
                .query(BusinessCalendars::map).list();
    }

    public List<BusinessCalendar> all() {
        return jdbc.sql("select * from business_calendar order by brand_id, lower(name), id").query(BusinessCalendars::map).list();
    }

    @Transactional
    public BusinessCalendar create(long brandId, String name, CalendarDefinition definition) {
        if (!jdbc.sql("select exists (select 1 from brand where id = ?)").param(brandId).query(Boolean.class).single()) {
            throw new IllegalArgumentException("brandId: no brand with id " + brandId);
        }
        String clean = name(name);
        requireUniqueName(brandId, clean, null);
        long id = jdbc.sql("insert into business_calendar (brand_id, name, definition) values (?, ?, cast(? as jsonb)) returning id")
                .params(brandId, clean, definition.toJson()).query(Long.class).single();
        return get(id);
    }

    @Transactional
    public BusinessCalendar update(long id, String name, CalendarDefinition definition) {
        BusinessCalendar current = get(id);
        String clean = name(name);
        requireUniqueName(current.brandId(), clean, id);
        jdbc.sql("update business_calendar set name = ?, definition = cast(? as jsonb), updated_at = now() where id = ?")
                .params(clean, definition.toJson(), id).update();
        return get(id);
    }

    @Transactional
    public void delete(long id) {
        if (jdbc.sql("delete from business_calendar where id = ?").param(id).update() == 0) {
            throw new NotFoundException("calendar: no calendar with id " + id);
        }
    }

    /** Adds every date of an iCalendar file's events to the calendar's closed dates. */
    @Transactional
    public BusinessCalendar importIcs(long id, String ics) {
        BusinessCalendar current = get(id);
        SortedSet<LocalDate> dates = IcsDates.read(ics, current.definition().timeZone());
        return update(id, current.name(), current.definition().withClosedDates(dates));
    }

    /** Like {@link #importIcs(long, String)} with the file fetched from a public URL. */
    public BusinessCalendar importIcsFrom(long id, String url) {
        get(id);
        return importIcs(id, fetcher.fetch(url));
    }

    /** The dates of an iCalendar file, for the editor's import before it saves. */
    public static SortedSet<LocalDate> datesOf(String ics, java.time.ZoneId zone) {
        return IcsDates.read(ics, zone);
    }

    private void requireUniqueName(long brandId, String name, Long except) {
        boolean taken = jdbc.sql("select exists (select 1 from business_calendar where brand_id = ? and lower(name) = lower(?) and id <> ?)")
                .params(brandId, name, except == null ? -1L : except).query(Boolean.class).single();
        if (taken) {
            throw new ConflictException("name: the brand already has a calendar named '" + name + "'");
        }
    }

    private static String name(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("name: is required");
        }
        if (clean.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name: at most " + MAX_NAME_LENGTH + " characters");
        }
        return clean;
    }

    private static BusinessCalendar map(ResultSet rs, int row) throws SQLException {
        return new BusinessCalendar(rs.getLong("id"), rs.getLong("brand_id"), rs.getString("name"),
                CalendarDefinition.parse(rs.getString("definition")));
    }
}
