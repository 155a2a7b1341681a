-- Who hears about a saved query's matches (or a brand's crises), how often, and where.
create table alert_rule (
    id           bigint generated always as identity primary key,
    query_id     bigint references listening_query (id) on delete cascade,
    brand_id     bigint references brand (id) on delete cascade,
    cadence      text not null check (cadence in ('INSTANT', 'HOURLY', 'DAILY')),
    emails       text[] not null default '{}',
    webhook_url  text,
    created_by   bigint references app_user (id) on delete set null,
    created_at   timestamptz not null default now(),
    constraint alert_rule_one_scope check (num_nonnulls(query_id, brand_id) = 1),
    constraint alert_rule_has_target check (cardinality(emails) > 0 or webhook_url is not null)
);
create index alert_rule_query on alert_rule (query_id);
create index alert_rule_brand on alert_rule (brand_id);

-- One alert per rule and window (matches) or per rule and crisis level. The unique indexes, not the workers'
-- good behaviour, are what keep a window from being alerted twice.
create table alert (
    id            bigint generated always as identity primary key,
    rule_id       bigint not null references alert_rule (id) on delete cascade,
    kind          text not null check (kind in ('MATCHES', 'CRISIS')),
    window_start  timestamptz not null,
    window_end    timestamptz not null,
    crisis_id     bigint,
    crisis_level  bigint,
    crisis        jsonb,
    created_at    timestamptz not null default now()
);
create unique index alert_one_per_window on alert (rule_id, window_end) where kind = 'MATCHES';
create unique index alert_one_per_crisis_level on alert (rule_id, crisis_id, crisis_level) where kind = 'CRISIS';

-- A post that matched a rule's query; recorded in the transaction that stores the post, so a crash cannot lose it.
-- alert_id stays empty until the post's window is closed into an alert.
create table alert_item (
    rule_id     bigint not null references alert_rule (id) on delete cascade,
    post_id     bigint not null references post (id) on delete cascade,
    matched_at  timestamptz not null,
    alert_id    bigint references alert (id) on delete cascade,
    primary key (rule_id, post_id)
);
create index alert_item_pending on alert_item (rule_id, matched_at) where alert_id is null;
create index alert_item_alert on alert_item (alert_id);

-- Each alert goes out by e-mail and by webhook independently, so a failing webhook never holds up the e-mail.
create table alert_delivery (
    id               bigint generated always as identity primary key,
    alert_id         bigint not null references alert (id) on delete cascade,
    target           text not null check (target in ('EMAIL', 'WEBHOOK')),
    state            text not null check (state in ('PENDING', 'RETRYING', 'SENT', 'FAILED')),
    attempts         int not null default 0,
    last_error       text,
    next_attempt_at  timestamptz not null,
    sent_at          timestamptz,
    constraint alert_delivery_once unique (alert_id, target)
);
create index alert_delivery_due on alert_delivery (next_attempt_at) where state in ('PENDING', 'RETRYING');
