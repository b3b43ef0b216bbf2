-- process-orders' idempotent repository is the tracking row itself now (processing.SettledOrders:
-- a document is settled when its state is accepted or rejected). The rows Camel's JDBC repository
-- kept for the same fact are no longer read.
delete from CAMEL_MESSAGEPROCESSED where processorName = 'erp-orders';
