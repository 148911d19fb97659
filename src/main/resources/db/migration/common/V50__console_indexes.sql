-- The console reads one page of records at a time. Each index below serves one page's filter and order, so the
-- database reads only the rows up to that page (most recent first: descending), however many records there are.
create index outreach_decided on outreach (decided_at desc, id desc);
create index outreach_status_decided on outreach (status, decided_at desc, id desc);
create index outreach_problem_decided on outreach (problem, decided_at desc, id desc);
create index outreach_rule_decided on outreach (rule_name, decided_at desc, id desc);
create index outreach_order on outreach (order_id);
-- needs a person (latest failure first) and Today's counts by status since a moment
create index outreach_status_updated on outreach (status, updated_at desc, id desc);
create index outreach_failed on outreach (status, fallback_due, provider_code);
create index outreach_fallback_for on outreach (fallback_for);
-- the follow-up queue and the review queue: nearest deadline first, then the oldest
create index outreach_status_deadline on outreach (status, not_later_than, decided_at, id);
create index outreach_status_review on outreach (status, review_until, send_at, id);
-- Today: sent and detected since a moment
create index outreach_sent_at on outreach (sent_at, status);
create index detection_detected_at on detection (detected_at);
