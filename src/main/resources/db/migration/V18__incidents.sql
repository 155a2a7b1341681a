-- An incident: one outage (or other event) that many customers of a brand write about. Its cases hear the holding
-- statement while it lasts and the resolution statement when it is over.
create table incident (
    id                    bigint generated always as identity primary key,
    brand_id              bigint not null references brand (id),
    title                 text not null,
    description           text,
    holding_statement     text not null,
    resolution_statement  text,
    status                text not null check (status in ('OPEN', 'RESOLVED')),
    -- Chosen when it was resolved: whether cases that hear the resolution statement are resolved with it.
    resolve_cases         boolean not null default false,
    created_by_user_id    bigint references app_user (id),
    created_by_name       text not null,
    created_at            timestamptz not null default now(),
    resolved_by_user_id   bigint references app_user (id),
    resolved_by_name      text,
    resolved_at           timestamptz
);
create index incident_brand on incident (brand_id, status, created_at desc);

-- The cases of an incident. incident_open mirrors the incident's status so the database itself keeps a case in at
-- most one open incident.
create table incident_case (
    incident_id       bigint not null references incident (id),
    case_id           bigint not null references support_case (id),
    incident_open     boolean not null default true,
    added_at          timestamptz not null default now(),
    added_by_user_id  bigint references app_user (id),
    added_by_name     text not null,
    primary key (incident_id, case_id)
);
create unique index incident_case_one_open on incident_case (case_id) where incident_open;

-- A statement sent to one case: written in the transaction that records the reply, so a case hears each statement of
-- an incident once, whatever crashes or second clicks happen.
create table incident_statement (
    incident_id  bigint not null references incident (id),
    case_id      bigint not null references support_case (id),
    kind         text not null check (kind in ('HOLDING', 'RESOLUTION')),
    reply_id     bigint not null references reply (id),
    sent_at      timestamptz not null default now(),
    primary key (incident_id, case_id, kind)
);

-- Why a statement could not be sent to a case the last time it was tried (reply window closed, personal data, ...).
-- It is tried again on the next send; a successful send removes the row.
create table incident_refusal (
    incident_id  bigint not null references incident (id),
    case_id      bigint not null references support_case (id),
    kind         text not null check (kind in ('HOLDING', 'RESOLUTION')),
    reason       text not null,
    at           timestamptz not null default now(),
    primary key (incident_id, case_id, kind)
);

-- The open incident a case is part of: it raises the case's impact (cases.Cases.linkIncident).
alter table support_case add column incident_id bigint references incident (id);
