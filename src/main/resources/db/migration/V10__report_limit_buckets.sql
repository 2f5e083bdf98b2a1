-- Community report limits shared by several instances (llmstatus.reports.shared-limits=true, PostgreSQL): one row
-- per limit bucket, Bucket4j's serialized state, and when the row may be deleted (epoch milliseconds).
create table report_limit_bucket (
    id varchar(160) not null,
    state bytea,
    expires_at bigint,
    constraint pk_report_limit_bucket primary key (id)
);
