-- ShedLock's table: several instances share one database and each scheduled job runs once.
create table shedlock (
    name varchar(64) not null,
    lock_until timestamp with time zone not null,
    locked_at timestamp with time zone not null,
    locked_by varchar(255) not null,
    constraint pk_shedlock primary key (name)
);
