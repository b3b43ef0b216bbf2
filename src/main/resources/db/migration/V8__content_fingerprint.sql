-- What a document said when it was admitted, as a hash of its canonical JSON (ContentFingerprint):
-- the same business key arriving again with other content is answered 409, not taken for a retry.
-- Empty for rows admitted before this column existed and for channels that do not compare content.
alter table tracked_document add column content_fingerprint varchar(64);
