-- Follow-up tasks: how long a person has once the task opens (fixed when decided), the due time set when it
-- opens, and when the escalation email went out (once per task).
alter table outreach add column due_within_seconds bigint;
alter table outreach add column due_at             timestamp with time zone;
alter table outreach add column escalated_at       timestamp with time zone;
create index outreach_channel_status_due on outreach (channel, status, due_at);
