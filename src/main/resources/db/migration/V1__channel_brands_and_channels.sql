create table brand (
    id          bigint generated always as identity primary key,
    name        text not null,
    created_at  timestamptz not null default now(),
    constraint brand_name_unique unique (name)
);

-- A connected account of a brand on one platform; 'api' channels receive posts over HTTP and
-- deliver replies to a callback URL.
create table channel (
    id                    bigint generated always as identity primary key,
    brand_id              bigint not null references brand (id),
    type                  text not null,
    name                  text not null,
    secret                text not null,
    callback_url          text,
    allows_private        boolean not null default true,
    created_at            timestamptz not null default now(),
    constraint channel_name_unique unique (brand_id, name)
);
