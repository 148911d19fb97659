-- Rules are known by a stable id (@id in DRL, the id column of a decision table) instead of their name, so renaming
-- a rule changes nothing for customers. Outreach records, their dedupe keys and detections held the rule's name;
-- for the rules shipped in rules/ they now hold its id, so the first start after the upgrade finds every record
-- it made before and sends nothing twice. Rules of your own keep their name here: a rule without @id goes on being
-- known by its name (rules/README.md, "Rule ids", says how to give it an id without sending twice).
-- H2 commits each create and drop at once: a start that died mid-way leaves rule_id_rename behind, so it is
-- dropped first. Each update below only touches rows still holding a shipped rule's name, so running the whole
-- script again after such a crash finishes the job and changes nothing twice.
drop table if exists rule_id_rename;
create table rule_id_rename (
  rule_name varchar(300) primary key,
  rule_id   varchar(80)  not null
);
insert into rule_id_rename (rule_name, rule_id) values
  ('order.not_shipped: look again when the handoff grace ends', 'order-not-shipped-wake'),
  ('order.not_shipped: not handed to the carrier a day after shipBy', 'order-not-shipped-notice'),
  ('payment.failed: hard decline, reach out now', 'payment-failed-hard'),
  ('payment.failed: soft decline, look again when the retry window ends', 'payment-failed-soft-wake'),
  ('payment.failed: soft decline still unpaid after the retry window', 'payment-failed-soft'),
  ('shipment.late: look again a day and a half before the promised date', 'shipment-late-wake'),
  ('shipment.late: not delivered a day before the promised date', 'shipment-late-notice'),
  ('shipment.late: carrier estimate is after the promised date', 'shipment-late-estimate'),
  ('shipment.stalled: look again when the last scan is 48 hours old', 'shipment-stalled-wake'),
  ('shipment.stalled: no scan for 48 hours', 'shipment-stalled-notice'),
  ('churn.risk: cancellation requested', 'churn-cancel-requested'),
  ('churn.risk: low rating', 'churn-low-rating'),
  ('churn.risk: repeated late deliveries', 'churn-repeated-late'),
  ('churn.risk: downgrade after a support ticket', 'churn-downgrade-after-ticket'),
  ('churn.risk: usage sliding', 'churn-usage-sliding'),
  ('shipment.exception: address problem, ask the customer now', 'shipment-exception-address'),
  ('shipment.exception: damaged or lost, a person takes over', 'shipment-exception-replace'),
  ('shipment.exception: delayed by something outside our hands', 'shipment-exception-delay');

-- A dedupe key is customer|problem|order|rule, then |step N for a follow-up and |stale for an outdated decision;
-- only the rule part changes. Keys of another shape (fallback|...) hold no rule name.
update outreach set dedupe_key = (
    select outreach.customer_id || '|' || outreach.problem || '|' || coalesce(outreach.order_id, '') || '|'
        || m.rule_id
        || substring(outreach.dedupe_key from char_length(outreach.customer_id || '|' || outreach.problem || '|'
            || coalesce(outreach.order_id, '') || '|' || m.rule_name) + 1)
    from rule_id_rename m where m.rule_name = outreach.rule_name)
where exists (
    select 1 from rule_id_rename m where m.rule_name = outreach.rule_name
      and substring(outreach.dedupe_key from 1 for char_length(outreach.customer_id || '|' || outreach.problem || '|'
            || coalesce(outreach.order_id, '') || '|' || m.rule_name))
        = outreach.customer_id || '|' || outreach.problem || '|' || coalesce(outreach.order_id, '') || '|'
            || m.rule_name);

update outreach set rule_name = (select m.rule_id from rule_id_rename m where m.rule_name = outreach.rule_name)
where rule_name in (select rule_name from rule_id_rename);

update detection set rule_name = (select m.rule_id from rule_id_rename m where m.rule_name = detection.rule_name)
where rule_name in (select rule_name from rule_id_rename);

drop table rule_id_rename;
