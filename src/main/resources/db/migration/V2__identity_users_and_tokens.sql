create table app_user (
    id             bigint generated always as identity primary key,
    email          text not null,
    display_name   text not null,
    password_hash  text not null,
    role           text not null check (role in ('ADMIN', 'AGENT')),
    created_at     timestamptz not null default now()
);
create unique index app_user_email_unique on app_user (lower(email));

-- API tokens are stored as SHA-256 hashes: the token itself is shown once, when created.
create table api_token (
    id            bigint generated always as identity primary key,
    user_id       bigint not null references app_user (id),
    name          text not null,
    token_hash    text not null unique,
    created_at    timestamptz not null default now(),
    last_used_at  timestamptz
);
