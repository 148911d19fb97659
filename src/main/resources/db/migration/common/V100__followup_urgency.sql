-- The follow-up queue, most urgent first: per status, tasks by due time, then the rule's deadline (those without
-- one after), then the oldest. Each part of the queue is read in this index's order and only as far as the page
-- reaches; the filters (problem, rule, age) are in the index too, so the records themselves are read only for the
-- page shown.
create index outreach_task_urgency on outreach
  (channel, status, due_at, not_later_than nulls last, decided_at, id, problem, rule_name);
-- its first columns serve what this one served (escalation checks, the queue's counts)
drop index outreach_channel_status_due;
