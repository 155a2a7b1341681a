-- Links in replies, rewritten to short links on Webcare's own address so clicks can be counted. The template a link
-- came from is copied by name, so the figures survive the template's removal.
create table tracked_link (
    id             bigint generated always as identity primary key,
    code           text not null unique,
    target_url     text not null,
    brand_id       bigint not null references brand (id),
    channel_id     bigint not null references channel (id),
    template_id    bigint,
    template_name  text,
    created_at     timestamptz not null default now()
);
create index tracked_link_brand on tracked_link (brand_id, created_at);

-- Clicks per link and local day. Nothing about the clicker is stored: no address, no browser, no cookie.
-- Link previews (platforms' crawlers fetching the page for a card) are counted apart, as they are no visits.
create table tracked_link_click (
    link_id   bigint not null references tracked_link (id) on delete cascade,
    day       date not null,
    clicks    bigint not null default 0,
    previews  bigint not null default 0,
    primary key (link_id, day)
);
create index tracked_link_click_day on tracked_link_click (day);
