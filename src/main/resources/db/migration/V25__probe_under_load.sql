-- Results measured while the prober itself was behind (CPU saturated, a stall, a late start): kept, but marked, so
-- that our own load is never read as a provider's slowness. Portable: H2 2.x and PostgreSQL.
alter table probe_result add column under_load boolean default false not null;
