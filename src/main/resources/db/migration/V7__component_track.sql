-- One row per component that ever left operational: the level its changes were last recorded at, so that a
-- component's level change is recorded, and announced, once across instances. No row means operational.
create table component_track (
    id varchar(200) primary key,
    provider varchar(64) not null,
    component varchar(128) not null,
    level varchar(20) not null,
    since timestamp with time zone,
    changes bigint not null,
    version bigint not null
);
create index ix_component_track_provider on component_track (provider);

-- The newest evidence (check or official reading) the last recorded change was decided on: an instance whose view
-- is older does not undo it.
alter table provider_track add column evidence_at timestamp with time zone;

-- Incidents list the keys of every component they affected: a provider with thousands of components must fit.
alter table incident alter column components set data type varchar(1000000);
