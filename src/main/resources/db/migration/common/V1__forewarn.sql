-- Forewarn's own tables; portable between H2 and PostgreSQL.
create table event (
  id           varchar(200)     primary key,
  customer_id  varchar(200)     not null,
  order_id     varchar(200),
  type         varchar(100)     not null,
  event_time   timestamp with time zone not null,
  received_at  timestamp with time zone not null,
  payload      varchar(1000000) not null
);
create index event_customer_time on event (customer_id, event_time);

create table customer_state (
  customer_id  varchar(200)     primary key,
  state        varchar(1000000) not null,
  updated_at   timestamp with time zone not null
);

create table detection (
  customer_id     varchar(200) not null,
  problem         varchar(100) not null,
  subject         varchar(200) not null,
  rule_name       varchar(300) not null,
  rule_version    varchar(64)  not null,
  detected_at     timestamp with time zone not null,
  resolved_at     timestamp with time zone,
  resolved_reason varchar(500),
  explanation     varchar(10000),
  primary key (customer_id, problem, subject, rule_name)
);

create table outreach (
  id            varchar(64)   primary key,
  dedupe_key    varchar(1000) not null unique,
  customer_id   varchar(200)  not null,
  order_id      varchar(200),
  rule_name     varchar(300)  not null,
  rule_version  varchar(64)   not null,
  problem       varchar(100)  not null,
  channel       varchar(20)   not null,
  template      varchar(200)  not null,
  decided_at    timestamp with time zone not null,
  send_at       timestamp with time zone not null,
  status        varchar(30)   not null,
  status_reason varchar(1000),
  sent_at       timestamp with time zone,
  explanation   varchar(10000),
  updated_at    timestamp with time zone not null
);
create index outreach_customer on outreach (customer_id);
create index outreach_status_send_at on outreach (status, send_at);

create table outreach_status_change (
  outreach_id varchar(64)  not null,
  changed_at  timestamp with time zone not null,
  status      varchar(30)  not null,
  reason      varchar(1000)
);
create index outreach_status_change_outreach on outreach_status_change (outreach_id);

-- The rendered content of every outreach that went out; recorded = kept instead of sent (channel not configured).
create table rendered_message (
  outreach_id varchar(64)     primary key,
  channel     varchar(20)     not null,
  recipient   varchar(300),
  subject     varchar(1000),
  body        varchar(100000) not null,
  recorded    boolean         not null,
  created_at  timestamp with time zone not null
);
