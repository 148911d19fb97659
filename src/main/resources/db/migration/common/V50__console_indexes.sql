-- The console pages each read one page of records by an indexed column, with 100,000 records and more.
create index outreach_decided on outreach (decided_at);
create index outreach_status_updated on outreach (status, updated_at);
create index outreach_problem_decided on outreach (problem, decided_at);
create index outreach_rule_decided on outreach (rule_name, decided_at);
create index outreach_order on outreach (order_id);
create index outreach_fallback_for on outreach (fallback_for);
create index outreach_sent_at on outreach (sent_at);
create index detection_detected_at on detection (detected_at);
