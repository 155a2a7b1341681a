-- Queues of a brand's team. A case waits in one queue until an agent has it; the strategy says how agents get cases.
create table routing_queue (
    id                     bigint generated always as identity primary key,
    brand_id               bigint not null references brand (id),
    name                   text not null,
    team                   text,
    strategy               text not null check (strategy in ('MANUAL', 'ROUND_ROBIN', 'LOAD_BALANCED')),
    -- Cases that match no rule go to the brand's default queue.
    is_default             boolean not null default false,
    -- Round robin: the member who got the queue's last case; the next eligible member after them is next in turn.
    last_assigned_user_id  bigint references app_user (id),
    created_at             timestamptz not null default now()
);
create unique index routing_queue_name on routing_queue (brand_id, lower(name));
create unique index routing_queue_default on routing_queue (brand_id) where is_default;

create table routing_queue_member (
    queue_id  bigint not null references routing_queue (id) on delete cascade,
    user_id   bigint not null references app_user (id),
    primary key (queue_id, user_id)
);
create index routing_queue_member_user on routing_queue_member (user_id);

-- Rules of a brand, tried in position order; the first whose conditions all hold sends the case to its queue.
-- An empty array or null means the condition is not used.
create table routing_rule (
    id              bigint generated always as identity primary key,
    brand_id        bigint not null references brand (id),
    -- A queue that rules send cases to cannot be removed until they send them elsewhere.
    queue_id        bigint not null references routing_queue (id),
    name            text not null,
    position        int not null,
    channel_ids     bigint[] not null default '{}',
    languages       text[] not null default '{}',
    intents         text[] not null default '{}',
    query_ids       bigint[] not null default '{}',
    sentiment       text check (sentiment in ('NEGATIVE', 'NEUTRAL', 'POSITIVE')),
    -- 1 (critical) to 5 (planning): the rule holds for cases at least this urgent.
    max_priority    smallint check (max_priority between 1 and 5),
    customer_tags   text[] not null default '{}',
    created_at      timestamptz not null default now()
);
create index routing_rule_brand on routing_rule (brand_id, position);

-- Where a case was routed: its queue (null: no rule matched and the brand has no default queue) and the rule that
-- sent it there (null: the default queue).
create table case_queue (
    case_id    bigint primary key references support_case (id),
    queue_id   bigint references routing_queue (id) on delete set null,
    rule_id    bigint references routing_rule (id) on delete set null,
    routed_at  timestamptz not null
);
create index case_queue_queue on case_queue (queue_id);

-- What routing knows of an agent: availability, how many active cases they take at once, and their skills.
-- Users without a row are offline with the default capacity and no skills.
create table routing_agent (
    user_id            bigint primary key references app_user (id),
    status             text not null default 'OFFLINE' check (status in ('AVAILABLE', 'AWAY', 'OFFLINE')),
    status_changed_at  timestamptz,
    -- null: the default capacity (webcare.routing.default-capacity).
    capacity           int check (capacity between 0 and 1000),
    -- ISO 639-1 codes; empty: any language.
    languages          text[] not null default '{}',
    -- Lower-case topics (intents such as complaint, or names of saved queries) the agent is preferred for.
    topics             text[] not null default '{}'
);

-- Tags of a customer (an author handle on a brand's channels), e.g. vip or journalist; routing rules can ask for them.
create table customer_tag (
    brand_id       bigint not null references brand (id),
    -- Lower case: handles are compared without case, as threading does.
    author_handle  text not null,
    tag            text not null,
    created_at     timestamptz not null default now(),
    primary key (brand_id, author_handle, tag)
);
