-- Intake counts an id's 128 characters in characters (code points), not in UTF-16 units. H2 counts a column's length
-- in UTF-16 units, where a character outside the BMP (an emoji) takes two: the columns that hold an event, customer
-- or order id (a detection's subject is one) hold twice the limit, so that every id intake accepts is stored.
-- PostgreSQL counts characters; there the wider columns change nothing.
alter table event alter column id set data type varchar(256);
alter table event alter column customer_id set data type varchar(256);
alter table event alter column order_id set data type varchar(256);
alter table customer_state alter column customer_id set data type varchar(256);
alter table detection alter column customer_id set data type varchar(256);
alter table detection alter column subject set data type varchar(256);
alter table outreach alter column customer_id set data type varchar(256);
alter table outreach alter column order_id set data type varchar(256);
alter table wakeup alter column customer_id set data type varchar(256);
alter table wakeup alter column order_id set data type varchar(256);
alter table customer_erasure alter column customer_id set data type varchar(256);
alter table privacy_audit alter column customer_id set data type varchar(256);
