-- Crises raised by the crisis watch: one row per crisis, updated each time it grows, ended once quiet again.
create table crisis (
    id                bigint generated always as identity primary key,
    scope             text not null check (scope in ('BRAND', 'QUERY')),
    -- a brand's or a saved query's id; no foreign key, because a crisis outlives a removed query
    scope_id          bigint not null,
    scope_name        text not null,
    kind              text not null check (kind in ('VOLUME', 'NEGATIVE_SHARE', 'HIGH_REACH')),
    -- the level it fired with last; it fires again only once the level has grown enough
    level             bigint not null,
    reason            text not null,
    post_ids          bigint[] not null default '{}',
    started_at        timestamptz not null,
    last_fired_at     timestamptz not null,
    -- the last check that still found it; it ends after a quiet period without
    last_abnormal_at  timestamptz not null,
    ended_at          timestamptz
);
-- At most one open crisis per scope and kind.
create unique index crisis_open on crisis (scope, scope_id, kind) where ended_at is null;
create index crisis_recent on crisis (started_at desc, id desc);
