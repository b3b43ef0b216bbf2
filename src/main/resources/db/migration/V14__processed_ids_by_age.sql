-- Housekeeping finds the expired ids of one idempotent repository by their age (ProcessedIdPurge):
-- without this index it read every row of the repository on each run, and its former
-- delete ... in (select ... fetch first n) ran the subquery once per row on H2, a full core for
-- minutes once a repository held tens of thousands of ids, with nothing to delete.
create index ix_camel_messageprocessed_age on CAMEL_MESSAGEPROCESSED (processorName, createdAt);
