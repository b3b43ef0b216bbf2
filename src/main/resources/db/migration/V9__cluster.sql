-- Cluster (issue 12): instances sharing this database, leases for what runs once per cluster, and
-- which instance did each step of a document. Portable SQL: runs on H2 (default) and PostgreSQL.

-- One row per running instance, written by its heartbeat (io.interchange.cluster.Heartbeat): an
-- instance whose last_seen_at is older than interchange.cluster.instance-timeout-ms counts as dead.
-- A stopping instance deletes its row; a dead one's row goes after interchange.cluster.forget-after.
create table cluster_instance (
    node_id      varchar(200)  not null primary key,
    started_at   timestamp with time zone not null,
    last_seen_at timestamp with time zone not null,
    version      varchar(100),
    http_url     varchar(1000),
    routes_up    integer       not null,
    routes_total integer       not null,
    suspended    varchar(4000)
);

-- Who may run what runs once per cluster (a master: route, e.g. housekeeping): the holder renews
-- its lease before expires_at; once that passes without renewal, another instance takes it over.
-- expires_at is epoch milliseconds of the holder's clock (instances keep their clocks in sync).
create table cluster_lease (
    namespace  varchar(200) not null primary key,
    holder     varchar(200) not null,
    expires_at bigint       not null,
    taken_at   timestamp with time zone not null
);

-- Which instance (interchange.node.id) recorded a hop or a state change; empty for older rows.
alter table document_event add column node_id varchar(200);
alter table document_history add column node_id varchar(200);
