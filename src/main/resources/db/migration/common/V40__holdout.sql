-- Holdout groups: the share of customers held out of each outreach, fixed when it is decided (null: none asked).
alter table outreach add column holdout_percent double precision;
