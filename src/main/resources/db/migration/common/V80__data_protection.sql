-- Data protection: retention, erasure and export of one customer's data.

-- When an event's payload lost its personal data (retention or erasure); the event id itself stays, so a
-- redelivered event is still recognised as a duplicate.
alter table event add column pruned_at timestamp with time zone;
create index event_received_at on event (received_at);
-- Retention walks finished outreach by its last change.
create index outreach_updated_at on outreach (updated_at);
-- detection.detected_at is indexed already (V50)

-- How far each retention kind has pruned: the next run starts there instead of walking everything again.
create table retention_progress (
  kind       varchar(50) primary key,
  done_until timestamp with time zone not null
);

-- A lease that lets one instance at a time run a periodic job (retention); an instance that died lets it go
-- when locked_until has passed.
create table job_lease (
  name         varchar(100) primary key,
  locked_until timestamp with time zone not null,
  locked_by    varchar(200) not null
);

-- One row per erasure: the customer id (not personal data by itself), when and by whom. No other detail.
create table customer_erasure (
  customer_id varchar(200) not null,
  erased_at   timestamp with time zone not null,
  erased_by   varchar(100) not null
);
create index customer_erasure_customer on customer_erasure (customer_id);

-- Who exported or erased whose data, and when.
create table privacy_audit (
  at          timestamp with time zone not null,
  actor       varchar(100) not null,
  action      varchar(20)  not null,
  customer_id varchar(200) not null,
  detail      varchar(1000)
);
create index privacy_audit_customer on privacy_audit (customer_id);
