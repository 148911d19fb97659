-- Wakeups ("evaluate this customer again at T") in one table indexed by when they are next tried, polled in
-- batches by every instance (rows taken with FOR UPDATE SKIP LOCKED), instead of one Quartz job and trigger each.
-- Wakeups still in Quartz's tables from before move themselves here when they fire.
create table wakeup (
  id           varchar(64)  primary key,
  customer_id  varchar(200) not null,
  order_id     varchar(200),
  label        varchar(200) not null,
  due_at       timestamp with time zone not null,
  -- due_at at first; while an instance hands the wakeup over, the end of its lease; after a failure, the next try
  next_try_at  timestamp with time zone not null,
  attempts     integer      not null default 0,
  last_failure varchar(1000)
);
create index wakeup_next_try on wakeup (next_try_at);
