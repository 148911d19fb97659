-- Each write of a customer's state gets a new random revision: a state kept in memory is used only while the stored
-- row still has the revision it was written with (another instance, an erasure or a rolled-back write change it).
alter table customer_state add column revision bigint default 0 not null;
