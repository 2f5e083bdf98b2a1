-- Official pages are stored in their own words (Statuspage component status values) instead of our levels,
-- with component groups and scheduled maintenances.
alter table official_status alter column overall set data type varchar(32);
alter table official_status_component alter column status set data type varchar(32);
alter table official_incident alter column impact set data type varchar(32);

update official_status set overall = 'DEGRADED_PERFORMANCE' where overall = 'DEGRADED';
update official_status set overall = 'UNDER_MAINTENANCE' where overall = 'MAINTENANCE';
update official_status_component set status = 'DEGRADED_PERFORMANCE' where status = 'DEGRADED';
update official_status_component set status = 'UNDER_MAINTENANCE' where status = 'MAINTENANCE';
update official_incident set impact = 'DEGRADED_PERFORMANCE' where impact = 'DEGRADED';
update official_incident set impact = 'UNDER_MAINTENANCE' where impact = 'MAINTENANCE';

alter table official_status_component add column group_name varchar(255);
alter table official_status_component add column is_group boolean default false not null;

alter table official_incident add column maintenance boolean default false not null;
alter table official_incident add column scheduled_for timestamp with time zone;
alter table official_incident add column scheduled_until timestamp with time zone;
