-- Which replies wait for a team lead's approval: per brand (everyone's replies) or per agent (e.g. new hires).
-- ALL replies, PUBLIC replies only, or replies on cases of priority max_priority or more urgent (1 is most urgent).
create table approval_policy (
    id            bigint generated always as identity primary key,
    brand_id      bigint references brand (id),
    user_id       bigint references app_user (id),
    kind          text not null check (kind in ('ALL', 'PUBLIC', 'PRIORITY')),
    max_priority  smallint check (max_priority between 1 and 5),
    created_at    timestamptz not null default now(),
    constraint approval_policy_brand_or_agent check ((brand_id is null) <> (user_id is null)),
    constraint approval_policy_priority check ((kind = 'PRIORITY') = (max_priority is not null))
);
create unique index approval_policy_unique
    on approval_policy (coalesce(brand_id, 0), coalesce(user_id, 0), kind, coalesce(max_priority, 0));

-- A reply that waits for approval has no outbound message yet: it gets one, in the approving transaction, when a team
-- lead approves it. approval_state is null for replies that needed no approval.
alter table reply alter column outbound_message_id drop not null;
alter table reply
    add column approval_state text check (approval_state in ('AWAITING_APPROVAL', 'RETURNED', 'APPROVED', 'DISCARDED')),
    add column approval_reason text,
    add column approval_requested_at timestamptz,
    add column approval_decided_by_user_id bigint references app_user (id),
    add column approval_decided_by_name text,
    add column approval_decided_at timestamptz,
    add column approval_comment text,
    add constraint reply_queued_unless_held
        check (outbound_message_id is not null or coalesce(approval_state, '') in ('AWAITING_APPROVAL', 'RETURNED', 'DISCARDED'));
create index reply_awaiting_approval on reply (approval_requested_at, id) where approval_state = 'AWAITING_APPROVAL';
