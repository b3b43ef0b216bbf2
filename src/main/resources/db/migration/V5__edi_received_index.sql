-- The overdue order-response check (OverdueOrderResponses) looks at recent admitted transactions only.
create index ix_edi_transaction_received on edi_transaction (received_at);
