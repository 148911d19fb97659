-- Who may sign in: people (name and BCrypt password hash) and API tokens for machines (SHA-256 of the token; the
-- token itself is shown once when created and never stored). Roles are a comma-separated list.
create table account (
  name          varchar(100)  not null primary key,
  password_hash varchar(200)  not null,
  roles         varchar(200)  not null,
  created_at    timestamp with time zone not null
);

create table api_token (
  token_hash  varchar(64)   not null primary key,
  name        varchar(100)  not null unique,
  roles       varchar(200)  not null,
  created_at  timestamp with time zone not null
);
