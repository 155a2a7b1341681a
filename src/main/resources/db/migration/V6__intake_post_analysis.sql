-- Every post carries its analysis (null only for posts stored before analysis existed, until the backfill reaches them).
alter table post
    add column lang             text,
    add column lang_confidence  real,
    add column sentiment        text check (sentiment in ('NEGATIVE', 'NEUTRAL', 'POSITIVE')),
    add column sentiment_score  real,
    add column intents          text[] not null default '{}',
    add column addressed        boolean not null default false,
    add column reach            smallint not null default 0,
    add column author_followers bigint;
create index post_unanalysed on post (id) where sentiment is null;
create index post_intents on post using gin (intents);

-- Agents' corrections of the analysis: kept as the training data of later improvements.
create table analysis_correction (
    id          bigint generated always as identity primary key,
    post_id     bigint not null references post (id),
    user_id     bigint references app_user (id),
    field       text not null check (field in ('sentiment', 'intents')),
    old_value   text,
    new_value   text not null,
    created_at  timestamptz not null default now()
);
create index analysis_correction_post on analysis_correction (post_id);

-- The handles a brand goes by on the platforms, so posts that mention them count as addressed.
alter table brand add column handles text[] not null default '{}';
