-- outreach_customer_channel_sent (customer_id, channel, sent_at) serves every look by customer alone as well; one
-- index less to write on each of an outreach record's inserts and updates.
drop index outreach_customer;
