-- Transactional outbox: a message is recorded in the same transaction as the reply it carries and is
-- delivered at least once; the idempotency key lets the receiver drop duplicates.
create table outbound_message (
    id               bigint generated always as identity primary key,
    channel_id       bigint not null references channel (id),
    idempotency_key  uuid not null unique,
    payload          jsonb not null,
    state            text not null check (state in ('QUEUED', 'RETRYING', 'SENT', 'FAILED')),
    attempts         int not null default 0,
    last_error       text,
    next_attempt_at  timestamptz not null default now(),
    created_at       timestamptz not null default now(),
    sent_at          timestamptz
);
create index outbound_message_due on outbound_message (next_attempt_at) where state in ('QUEUED', 'RETRYING');
