-- Needs a person: a FAILED record is sent again as a new record linked by resend_of, or let be; either way a
-- person handled it (when, and who).
alter table outreach add column resend_of  varchar(64);
alter table outreach add column handled_at timestamp with time zone;
alter table outreach add column handled_by varchar(100);
create index outreach_resend_of on outreach (resend_of);
create index outreach_status_handled on outreach (status, handled_at);
