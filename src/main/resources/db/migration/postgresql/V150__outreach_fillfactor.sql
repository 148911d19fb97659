-- An outreach record is updated a few times soon after it is inserted (claimed, sent or failed). Room left on each
-- page lets an update that changes no indexed column (a send's claim) stay on the page without touching the
-- table's indexes (a heap-only update); with full pages every update writes to all of them. It applies to pages
-- written from now on: existing full pages stay so until the table is rewritten (VACUUM FULL, CLUSTER).
alter table outreach set (fillfactor = 85);
