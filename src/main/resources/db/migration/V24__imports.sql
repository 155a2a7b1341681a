-- History imports (docs/import.md). A reply imported from history carries the platform's id of the message, so a
-- second import of the same file records it once.
alter table reply add column external_id text;
create unique index reply_external_id on reply (external_id) where external_id is not null;

-- One import started over the REST API or the admin page; its figures are updated while it runs.
create table import_job (
    id               bigserial primary key,
    kind             text not null,            -- twcs | posts
    channel_id       bigint references channel (id) on delete set null,
    file_name        text,
    file_bytes       bigint,
    state            text not null,            -- running | done | failed
    started_by       bigint references app_user (id) on delete set null,
    started_at       timestamptz not null default now(),
    finished_at      timestamptz,
    rows_read        bigint not null default 0,
    posts_stored     bigint not null default 0,
    replies_recorded bigint not null default 0,
    duplicates       bigint not null default 0,
    skipped          bigint not null default 0,
    cases_resolved   bigint not null default 0,
    problems         text[] not null default '{}',  -- the first lines skipped, with their line numbers
    summary          jsonb,
    error            text
);
create index import_job_recent on import_job (started_at desc);
