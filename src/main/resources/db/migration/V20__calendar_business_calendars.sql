-- Business calendars of a brand: when its team works. The definition is the JSON shape shared by the command line,
-- the REST API and the editor (time zone, opening periods per weekday, closed dates, Dutch holidays kept); it is
-- validated before it is stored, so a stored definition always reads back.
create table business_calendar (
    id          bigint generated always as identity primary key,
    brand_id    bigint not null references brand (id),
    name        text not null,
    definition  jsonb not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create unique index business_calendar_name on business_calendar (brand_id, lower(name));
