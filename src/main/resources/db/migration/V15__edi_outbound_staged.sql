-- Files for partners that spend control numbers (997/999/CONTRL/TA1, 855/ORDRSP), staged in the
-- transaction that draws their numbers and removed once they are in the partner's outbound/
-- (io.interchange.edi.intake.PartnerOutbox). A stop between the commit and the delivery leaves the
-- row: the staged-file relay delivers it, under the same name with the same content. A file is never
-- written before its numbers are committed, so no file can name a number that is later spent again.
create table edi_outbound_staged (
    partner_id varchar(100)  not null,
    file_name  varchar(1024) not null,
    content    bytea         not null,
    staged_at  timestamp with time zone not null,
    constraint pk_edi_outbound_staged primary key (partner_id, file_name)
);

create index ix_edi_outbound_staged_at on edi_outbound_staged (staged_at);
