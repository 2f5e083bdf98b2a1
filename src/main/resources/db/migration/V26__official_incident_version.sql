-- A version per official incident row (JPA optimistic locking): when two instances store the same change of an
-- official page at once, one commits and publishes the notification; the other finds the version moved and rolls
-- back. The version after a change also names it: official-<provider>-<incident id>-<version> is its event id.
alter table official_incident add column version bigint default 0 not null;
