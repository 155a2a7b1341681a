-- The KPI report's measures: narrow rows, one per post, agent reply and case, with everything a report filters and
-- aggregates on, so a 30-day report reads only the index entries of its period and never the wide post/case rows.
-- Kept current in the transaction that changes what they measure (see KpiMeasures); derived data, so no foreign keys:
-- `webcare report rebuild` (or an empty table at startup) recomputes them from the base tables.

-- Every post: its brand and channel, the case it belongs to, and what the report counts of it.
create table kpi_post (
    post_id     bigint primary key,
    created_at  timestamptz not null,
    brand_id    bigint not null,
    channel_id  bigint not null,
    case_id     bigint,
    addressed   boolean not null,
    negative    boolean not null,
    positive    boolean not null,
    -- The team replied to it, or to a later message of the same case.
    answered    boolean not null default false
);
create index kpi_post_period on kpi_post (created_at)
    include (brand_id, channel_id, case_id, addressed, negative, positive, answered);
-- One brand's period without reading the other brands' rows.
create index kpi_post_brand on kpi_post (brand_id, created_at)
    include (channel_id, case_id, addressed, negative, positive, answered);
create index kpi_post_case on kpi_post (case_id, created_at) where case_id is not null;

-- Every agent reply (automatic promises left out): when it was recorded and minutes since the post it answers.
create table kpi_reply (
    reply_id       bigint primary key,
    created_at     timestamptz not null,
    brand_id       bigint not null,
    channel_id     bigint not null,
    case_id        bigint,
    post_id        bigint not null,
    post_created_at timestamptz not null,
    agent_user_id  bigint,
    -- The user's id as text, or the author's name for replies from history (no user).
    agent_key      text not null,
    minutes        double precision not null
);
create index kpi_reply_period on kpi_reply (created_at)
    include (brand_id, channel_id, case_id, agent_key, agent_user_id, minutes);
create index kpi_reply_brand on kpi_reply (brand_id, created_at)
    include (channel_id, case_id, agent_key, agent_user_id, minutes);
-- Which earlier posts of a case a reply answers.
create index kpi_reply_case on kpi_reply (case_id, post_created_at) where case_id is not null;
create index kpi_reply_post on kpi_reply (post_id);

-- Every case: its team and agent, and its first response and resolution in calendar and working minutes, with
-- whether they were within target. Working minutes are computed when the row is written, never at report time.
create table kpi_case (
    case_id                         bigint primary key,
    brand_id                        bigint not null,
    channel_id                      bigint not null,
    team                            text,
    agent_user_id                   bigint,
    opened_at                       timestamptz not null,
    first_customer_post_at          timestamptz not null,
    first_agent_reply_at            timestamptz,
    resolved_at                     timestamptz,
    -- Resolved or else closed: from then on the case is out of the backlog.
    done_at                         timestamptz,
    first_response_minutes          double precision,
    first_response_working_minutes  double precision,
    first_response_within           boolean,
    resolution_minutes              double precision,
    resolution_working_minutes      double precision,
    resolution_within               boolean,
    public_to_private               boolean not null default false
);
create index kpi_case_opened on kpi_case (opened_at)
    include (brand_id, channel_id, team, agent_user_id, first_response_minutes, first_response_working_minutes,
             first_response_within, public_to_private, done_at);
create index kpi_case_resolved on kpi_case (resolved_at)
    include (brand_id, channel_id, team, agent_user_id, resolution_minutes, resolution_working_minutes, resolution_within)
    where resolved_at is not null;
create index kpi_case_brand_opened on kpi_case (brand_id, opened_at)
    include (channel_id, team, agent_user_id, first_response_minutes, first_response_working_minutes,
             first_response_within, public_to_private, done_at);
create index kpi_case_brand_resolved on kpi_case (brand_id, resolved_at)
    include (channel_id, team, agent_user_id, resolution_minutes, resolution_working_minutes, resolution_within)
    where resolved_at is not null;
create index kpi_case_done on kpi_case (done_at) where done_at is not null;
create index kpi_case_open on kpi_case (opened_at) where done_at is null;
