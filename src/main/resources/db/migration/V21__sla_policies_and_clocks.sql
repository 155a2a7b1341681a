-- SLA policies of a brand: ordered, the first whose conditions match a case applies.
create table sla_policy (
    id                       bigserial primary key,
    brand_id                 bigint not null references brand (id) on delete cascade,
    name                     text not null,
    position                 int not null,
    channel_id               bigint references channel (id) on delete cascade,
    max_priority             int,
    intents                  text[] not null default '{}',
    customer_tags            text[] not null default '{}',
    first_response_seconds   bigint not null,
    first_response_working   boolean not null default false,
    next_response_seconds    bigint,
    next_response_working    boolean not null default false,
    resolution_seconds       bigint,
    resolution_working       boolean not null default false,
    -- The business calendar whose working time "working" targets count; its foreign key comes with the calendars.
    calendar_id              bigint,
    pause_on_customer        boolean not null default true,
    pause_on_internal        boolean not null default false,
    notify_email             text,
    notify_webhook           text,
    auto_reply_text          text,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now()
);
create index sla_policy_brand on sla_policy (brand_id, position);

-- One clock of a case: first response (turn 0), each next response (turn 1, 2, ...: the customer's turns after a
-- reply), resolution (turn 0, and one more per reopening). Recomputed from the case's history on every change; the
-- columns of sent warnings and breaches are never overwritten, so each fires once.
create table sla_clock (
    id                        bigserial primary key,
    case_id                   bigint not null references support_case (id) on delete cascade,
    kind                      text not null check (kind in ('first-response', 'next-response', 'resolution')),
    turn                      int not null,
    policy_id                 bigint references sla_policy (id) on delete set null,
    target_seconds            bigint not null,
    working                   boolean not null,
    started_at                timestamptz not null,
    due_at                    timestamptz not null,
    -- When 80 % of the target has passed (in the same time as the target): from then on it shows orange and warns.
    warn_at                   timestamptz not null,
    paused_seconds            bigint not null default 0,
    paused_since              timestamptz,
    internal_wait_seconds     bigint not null default 0,
    internal_since            timestamptz,
    stopped_at                timestamptz,
    outcome                   text check (outcome in ('met', 'breached')),
    margin_working_seconds    bigint,
    margin_calendar_seconds   bigint,
    warning_sent_at           timestamptz,
    breach_sent_at            timestamptz,
    checking_until            timestamptz,
    unique (case_id, kind, turn)
);
create index sla_clock_running on sla_clock (due_at) where stopped_at is null;
create index sla_clock_outcome on sla_clock (stopped_at) where stopped_at is not null;

-- What users are told in the app: warnings and breaches of clocks on their cases (or their teams' cases).
create table sla_notification (
    id          bigserial primary key,
    user_id     bigint not null references app_user (id) on delete cascade,
    clock_id    bigint not null references sla_clock (id) on delete cascade,
    case_id     bigint not null,
    kind        text not null check (kind in ('warning', 'breach')),
    created_at  timestamptz not null,
    read_at     timestamptz,
    unique (user_id, clock_id, kind)
);
create index sla_notification_user on sla_notification (user_id, created_at desc);

-- The one reply outside opening hours per case: its row is written with the reply, so it is never sent twice.
create table sla_auto_reply (
    case_id   bigint primary key references support_case (id) on delete cascade,
    reply_id  bigint not null,
    sent_at   timestamptz not null
);
