create table reply (
    id                   bigint generated always as identity primary key,
    post_id              bigint not null references post (id),
    author_user_id       bigint references app_user (id),
    author_name          text not null,
    text                 text not null,
    visibility           text not null check (visibility in ('PUBLIC', 'PRIVATE')),
    outbound_message_id  bigint not null references outbound_message (id),
    created_at           timestamptz not null default now()
);
create index reply_post on reply (post_id, created_at);
