-- A channel's connector settings: plain values here, secret ones (passwords, tokens) only encrypted (AES-GCM with a
-- key that is never in the database).
alter table channel
    add column settings    jsonb not null default '{}',
    add column credentials text,
    add column paused      boolean not null default false;

-- The runtime's state of every channel that polls or takes webhooks: where it is (the connector's cursor), when it
-- polls next, and how it went, for the admin's health view.
create table channel_source (
    channel_id       bigint primary key references channel (id) on delete cascade,
    polled           boolean not null default true,
    cursor           text,
    next_poll_at     timestamptz not null default now(),
    lease_until      timestamptz,
    last_success_at  timestamptz,
    last_error_at    timestamptz,
    last_error       text,
    failures         integer not null default 0,
    posts_day        date,
    posts_today      integer not null default 0,
    posts_skipped    integer not null default 0
);
create index channel_source_due on channel_source (next_poll_at) where polled;

insert into channel_source (channel_id, polled) select id, false from channel where type = 'api';
