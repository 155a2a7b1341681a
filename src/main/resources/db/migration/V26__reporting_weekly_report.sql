-- The weekly e-mail report per brand: whether it is on, who gets it and in which language (en or nl).
create table weekly_report_setting (
    brand_id    bigint primary key references brand (id) on delete cascade,
    enabled     boolean not null default false,
    recipients  text[] not null default '{}',
    language    text not null default 'en' check (language in ('en', 'nl')),
    updated_at  timestamptz not null default now()
);

-- One row per brand and week (the Monday it starts, in webcare.time-zone), claimed before the mail is sent: with
-- several nodes or after a restart the insert that wins sends, the others see the row and skip that week.
create table weekly_report_run (
    brand_id    bigint not null references brand (id) on delete cascade,
    week_start  date not null,
    claimed_at  timestamptz not null default now(),
    sent_at     timestamptz,
    -- why sending failed; the week is not retried automatically (the "send now" button sends it by hand).
    failure     text,
    primary key (brand_id, week_start)
);
