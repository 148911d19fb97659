-- When each wakeup was scheduled. One scheduled already past its time (a rule's wakeup decided from a late event) is
-- late only from then, for the wakeups health and the lateness metric. Null for wakeups scheduled before this column.
alter table wakeup add column scheduled_at timestamp with time zone;
