-- Saved listening queries; every post is matched against them at intake.
create table listening_query (
    id          bigint generated always as identity primary key,
    name        text not null,
    query       text not null,
    created_by  bigint references app_user (id),
    created_at  timestamptz not null default now(),
    constraint listening_query_name_unique unique (name)
);

alter table post add column matched_queries bigint[] not null default '{}';
create index post_matched_queries on post using gin (matched_queries);
