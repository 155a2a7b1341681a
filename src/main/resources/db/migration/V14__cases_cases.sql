-- Team leads approve replies and set up routing; admins can do everything a team lead can.
alter table app_user drop constraint app_user_role_check;
alter table app_user add constraint app_user_role_check check (role in ('ADMIN', 'TEAM_LEAD', 'AGENT'));

-- A case: one unit of work for the team (an ITIL incident or request), holding the posts of one conversation.
-- Named support_case because "case" is an SQL keyword.
create table support_case (
    id                         bigint generated always as identity primary key,
    brand_id                   bigint not null references brand (id),
    channel_id                 bigint not null references channel (id),
    customer_handle            text not null,
    customer_name              text,
    status                     text not null check (status in ('NEW', 'OPEN', 'PENDING_CUSTOMER', 'PENDING_INTERNAL', 'RESOLVED', 'CLOSED')),
    impact                     text not null check (impact in ('HIGH', 'MEDIUM', 'LOW')),
    urgency                    text not null check (urgency in ('HIGH', 'MEDIUM', 'LOW')),
    -- 1 (critical) to 5 (planning), from the impact × urgency matrix unless an agent overrode it.
    priority                   smallint not null check (priority between 1 and 5),
    priority_reasons           text[] not null default '{}',
    priority_overridden        boolean not null default false,
    assignee_user_id           bigint references app_user (id),
    previous_assignee_user_id  bigint references app_user (id),
    -- The closed case the customer wrote again after: a new case, linked to the old one.
    previous_case_id           bigint references support_case (id),
    merged_into_case_id        bigint references support_case (id),
    split_from_case_id         bigint references support_case (id),
    opened_at                  timestamptz not null,
    first_customer_post_at     timestamptz not null,
    last_customer_post_at      timestamptz not null,
    first_agent_reply_at       timestamptz,
    last_agent_reply_at        timestamptz,
    status_changed_at          timestamptz not null,
    resolved_at                timestamptz,
    closed_at                  timestamptz
);
create index support_case_active on support_case (priority, last_customer_post_at) where status not in ('RESOLVED', 'CLOSED');
create index support_case_customer on support_case (brand_id, customer_handle, last_customer_post_at desc);
create index support_case_assignee on support_case (assignee_user_id) where status not in ('RESOLVED', 'CLOSED');
create index support_case_resolved on support_case (resolved_at) where status = 'RESOLVED';

-- Which case a post belongs to; posts keep their thread (reply chain) whatever cases they are merged or split into.
create table case_post (
    post_id  bigint primary key references post (id),
    case_id  bigint not null references support_case (id)
);
create index case_post_case on case_post (case_id);

-- Every change of a case: who (null: Webcare itself), when, what and why.
create table case_event (
    id             bigint generated always as identity primary key,
    case_id        bigint not null references support_case (id),
    at             timestamptz not null default now(),
    actor_user_id  bigint references app_user (id),
    actor_name     text not null,
    kind           text not null,
    from_value     text,
    to_value       text,
    reason         text
);
create index case_event_case on case_event (case_id, at);

-- Posts from before cases existed: one case per conversation that was addressed to the brand or private.
alter table support_case add column migrated_thread_id bigint;
insert into support_case (brand_id, channel_id, customer_handle, customer_name, status, impact, urgency, priority,
                          priority_reasons, opened_at, first_customer_post_at, last_customer_post_at, status_changed_at,
                          migrated_thread_id)
select c.brand_id, first.channel_id, first.author_handle, first.author_name,
       case when t.answered then 'OPEN' else 'NEW' end, 'LOW', 'MEDIUM', 4, '{migrated}',
       t.first_at, t.first_at, t.last_at, t.last_at, t.thread_id
from (
    select p.thread_id, min(p.id) as first_id, min(p.created_at) as first_at, max(p.created_at) as last_at,
           bool_or(exists (select 1 from reply r where r.post_id = p.id)) as answered
    from post p join channel c on c.id = p.channel_id
    where c.type <> 'rss'
    group by p.thread_id
    having bool_or(p.addressed or p.visibility = 'PRIVATE')
) t
join post first on first.id = t.first_id
join channel c on c.id = first.channel_id;
insert into case_post (post_id, case_id)
select p.id, sc.id from support_case sc join post p on p.thread_id = sc.migrated_thread_id;
alter table support_case drop column migrated_thread_id;
