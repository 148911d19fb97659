-- Addresses and numbers not to contact, per channel. The address is normalised (email lower case, phone E.164), so
-- one address has one row; expires_at null means for good (a soft-bounce suppression expires).
create table suppression (
  channel    varchar(10)  not null,
  address    varchar(320) not null,
  reason     varchar(500) not null,
  source     varchar(30)  not null,
  created_at timestamp with time zone not null,
  expires_at timestamp with time zone,
  created_by varchar(100),
  primary key (channel, address)
);
create index suppression_source on suppression (source, channel);

-- Soft bounces in a row per email address; reset when the address is suppressed for them.
create table soft_bounce (
  address    varchar(320) primary key,
  in_a_row   int          not null,
  last_at    timestamp with time zone not null
);

-- Every report read from the bounce mailbox, by its own Message-ID (or a digest of it), applied once: reading the
-- mailbox again after a restart counts nothing twice.
create table bounce_report (
  report_id   varchar(300) primary key,
  kind        varchar(20)  not null,
  outreach_id varchar(64),
  received_at timestamp with time zone not null
);
