-- Surveys after resolution. Per brand: whether customers are asked, what (CSAT 1-5, CES 1-7, NPS 0-10), how (a
-- message with a link to the public page, or a question answered in the channel), how long after resolution, and
-- how often one customer may be asked. Durations are ISO-8601 (PT1H, P30D); null questions mean the built-in texts.
create table survey_settings (
    brand_id           bigint primary key references brand (id) on delete cascade,
    enabled            boolean not null default false,
    kind               text not null default 'CSAT' check (kind in ('CSAT', 'CES', 'NPS')),
    ask_by             text not null default 'PAGE' check (ask_by in ('PAGE', 'IN_CHANNEL')),
    delay              text not null default 'PT1H',
    customer_interval  text not null default 'P30D',
    question_nl        text,
    question_en        text,
    updated_at         timestamptz not null default now(),
    updated_by         text
);

-- One survey per case at most (the unique case_id): scheduled when the case is resolved, sent by the job once the
-- delay has passed and the case is still resolved, then answered on the page or in the channel. A skipped survey
-- keeps its reason; one cancelled because the case reopened is scheduled again when the case is resolved again.
-- Only a hash of the page token is kept, so the database alone opens no survey.
create table survey (
    id                bigint generated always as identity primary key,
    case_id           bigint not null unique references support_case (id),
    brand_id          bigint not null references brand (id),
    channel_id        bigint not null references channel (id),
    -- Lower-cased: the rate limit counts one customer per brand and handle.
    customer_handle   text not null,
    status            text not null check (status in ('SCHEDULED', 'SENT', 'ANSWERED', 'SKIPPED', 'CANCELLED')),
    reason            text,
    resolved_at       timestamptz not null,
    due_at            timestamptz not null,
    kind              text check (kind in ('CSAT', 'CES', 'NPS')),
    ask_by            text check (ask_by in ('PAGE', 'IN_CHANNEL')),
    language          text check (language in ('nl', 'en')),
    sent_at           timestamptz,
    expires_at        timestamptz,
    token_hash        bytea unique,
    reply_id          bigint references reply (id),
    -- Who the answer is about, as it was when the survey went out: the routing queue's team and the agent.
    team              text,
    agent_user_id     bigint references app_user (id),
    agent_name        text,
    score             smallint,
    comment           text check (char_length(comment) <= 2000),
    answered_at       timestamptz,
    answered_via      text check (answered_via in ('PAGE', 'CHANNEL')),
    answer_post_id    bigint references post (id),
    created_at        timestamptz not null default now()
);
create index survey_due on survey (due_at) where status = 'SCHEDULED';
create index survey_customer on survey (brand_id, customer_handle, sent_at) where sent_at is not null;
create index survey_sent on survey (sent_at) where sent_at is not null;
