-- The console's overview counts documents per time bucket (io.interchange.console.ActivityCounts):
-- arrivals by received_at, outcomes by the time of their transition. Without these, every poll of the
-- overview would read both tables whole.
create index ix_tracked_document_received_at on tracked_document (received_at);
create index ix_document_history_at on document_history (at);
