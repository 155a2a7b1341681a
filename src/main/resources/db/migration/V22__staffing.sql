-- When each agent was available, one row per stretch, so the staffing advice can set the hours agents actually worked
-- beside the hours it advises. routing_agent keeps only the current status; this keeps the history from now on.
create table staffing_availability (
    id               bigint generated always as identity primary key,
    user_id          bigint not null references app_user (id),
    available_from   timestamptz not null,
    -- null: still available.
    available_until  timestamptz
);
create index staffing_availability_period on staffing_availability (available_from, available_until);
create unique index staffing_availability_open on staffing_availability (user_id) where available_until is null;
