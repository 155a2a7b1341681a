-- Internal notes on a case: what the team writes for itself, never sent to the customer. An expert's answer to a
-- consult lands here too (author: the expert's e-mail address, consult_id set).
create table case_note (
    id              bigint generated always as identity primary key,
    case_id         bigint not null references support_case (id),
    author_user_id  bigint references app_user (id),
    author_name     text not null,
    text            text not null,
    consult_id      bigint,
    created_at      timestamptz not null
);
create index case_note_case on case_note (case_id, created_at);

-- A colleague named in a note with @name; unread until they mark it read.
create table case_mention (
    id          bigint generated always as identity primary key,
    note_id     bigint not null references case_note (id),
    case_id     bigint not null references support_case (id),
    user_id     bigint not null references app_user (id),
    created_at  timestamptz not null,
    read_at     timestamptz,
    unique (note_id, user_id)
);
create index case_mention_user on case_mention (user_id, created_at desc);

-- A question about a case to an expert (any colleague, by e-mail address) with a due time.
create table consult (
    id                    bigint generated always as identity primary key,
    case_id               bigint not null references support_case (id),
    expert_email          text not null,
    question              text not null,
    language              text not null check (language in ('en', 'nl')),
    asked_by_user_id      bigint references app_user (id),
    asked_by_name         text not null,
    asked_at              timestamptz not null,
    due_at                timestamptz not null,
    -- The answer link works until then: the due time plus webcare.consults.link-valid-after-due.
    link_expires_at       timestamptz not null,
    -- The Message-ID of the e-mail to the expert (without brackets): a reply's In-Reply-To or References name it.
    message_id            text not null unique,
    status                text not null check (status in ('OPEN', 'ANSWERED', 'CANCELLED')),
    answer                text,
    answered_at           timestamptz,
    -- Who answered: the expert's address, or the sender of a reply that referenced the consult e-mail.
    answered_by           text,
    answered_via          text check (answered_via in ('LINK', 'EMAIL')),
    -- Time spent waiting on the expert, asked to answered, for reports.
    waited_minutes        bigint,
    cancelled_at          timestamptz,
    cancelled_by_name     text,
    -- The e-mail to the expert, sent by a worker: claimed with a lease, so a crash sends it again at most once more.
    mail_state            text not null default 'PENDING' check (mail_state in ('PENDING', 'RETRYING', 'SENT', 'FAILED')),
    mail_attempts         int not null default 0,
    mail_next_attempt_at  timestamptz not null,
    mail_last_error       text,
    mail_sent_at          timestamptz
);
create index consult_case on consult (case_id, asked_at);
create index consult_open on consult (due_at) where status = 'OPEN';
create index consult_mail_due on consult (mail_next_attempt_at) where mail_state in ('PENDING', 'RETRYING');

-- The answer links of a consult, as SHA-256 hashes of their tokens only: a copy of the database opens no link. Each
-- e-mail sent carries a token of its own.
create table consult_link (
    token_hash  bytea primary key,
    consult_id  bigint not null references consult (id),
    created_at  timestamptz not null
);
create index consult_link_consult on consult_link (consult_id);

-- The key of the check in a consult's subject tag ([consult:<id>-<check>]), made on first use: ids cannot be guessed.
create table consult_key (
    id   int primary key check (id = 1),
    key  bytea not null
);

-- Where reading the consult mailbox got to: the folder's UIDVALIDITY and the last UID read.
create table consult_mailbox (
    id            int primary key check (id = 1),
    uid_validity  bigint not null,
    last_uid      bigint not null
);
