-- A policy's working time is a business calendar of its brand; deleting the calendar makes the policy count around the clock.
alter table sla_policy add constraint sla_policy_calendar_fk
    foreign key (calendar_id) references business_calendar (id) on delete set null;
