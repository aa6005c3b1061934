import { defineMigration } from '../../kit/migrations';

// Generated from the entities; add data moves by hand below the DDL when a change needs them.
export default defineMigration('20261122185856-initial', {
  "sqlite": [
    "create table `dossier` (`code` text not null, `procedure_code` text not null, `applicant_type` text not null, `applicant_id` text not null, `receiving_unit_id` text not null, `receiving_district_id` text null, `channel` text not null, `status` text not null, `submitted_at` text not null, `due_at` text not null, `completed_at` text null, `payment_method` text not null, `electronic_result` integer not null, `digitized` integer not null, `synced_to_national_portal` integer not null, primary key (`code`))",
    "create index `dossier_procedure_code_index` on `dossier` (`procedure_code`)",
    "create index `dossier_channel_index` on `dossier` (`channel`)",
    "create index `dossier_status_index` on `dossier` (`status`)",
    "create index `dossier_submitted_at_index` on `dossier` (`submitted_at`)",
    "create index `dossier_submitted_stats_idx` on `dossier` (`submitted_at`, `channel`, `status`, `completed_at`, `due_at`, `electronic_result`, `digitized`, `synced_to_national_portal`, `payment_method`)",
    "create index `dossier_district_submitted_stats_idx` on `dossier` (`receiving_district_id`, `submitted_at`, `channel`, `status`, `completed_at`, `due_at`, `electronic_result`, `digitized`, `synced_to_national_portal`, `payment_method`)",
    "create index `dossier_unit_submitted_stats_idx` on `dossier` (`receiving_unit_id`, `submitted_at`, `channel`, `status`, `completed_at`, `due_at`, `electronic_result`, `digitized`, `synced_to_national_portal`, `payment_method`)",
    "create index `dossier_applicant_type_applicant_id_code_index` on `dossier` (`applicant_type`, `applicant_id`, `code`)",
    "create table `admin_procedure` (`code` text not null, `name` text not null, `field` text not null, `level` text not null, `online_service` text not null, `fee_vnd` integer not null, `processing_days` integer not null, `essential` integer not null, primary key (`code`))",
    "create index `admin_procedure_field_index` on `admin_procedure` (`field`)",
    "create index `admin_procedure_online_service_index` on `admin_procedure` (`online_service`)"
  ],
  "postgresql": [
    "create table \"__schema__\".\"dossier\" (\"code\" varchar(40) not null, \"procedure_code\" varchar(8) not null, \"applicant_type\" varchar(10) not null, \"applicant_id\" varchar(20) not null, \"receiving_unit_id\" varchar(10) not null, \"receiving_district_id\" varchar(10) null, \"channel\" varchar(10) not null, \"status\" varchar(24) not null, \"submitted_at\" varchar(24) not null, \"due_at\" varchar(24) not null, \"completed_at\" varchar(24) null, \"payment_method\" varchar(10) not null, \"electronic_result\" boolean not null, \"digitized\" boolean not null, \"synced_to_national_portal\" boolean not null, constraint \"dossier_pkey\" primary key (\"code\"))",
    "create index \"dossier_procedure_code_index\" on \"__schema__\".\"dossier\" (\"procedure_code\")",
    "create index \"dossier_channel_index\" on \"__schema__\".\"dossier\" (\"channel\")",
    "create index \"dossier_status_index\" on \"__schema__\".\"dossier\" (\"status\")",
    "create index \"dossier_submitted_at_index\" on \"__schema__\".\"dossier\" (\"submitted_at\")",
    "create index \"dossier_submitted_stats_idx\" on \"__schema__\".\"dossier\" (\"submitted_at\", \"channel\", \"status\", \"completed_at\", \"due_at\", \"electronic_result\", \"digitized\", \"synced_to_national_portal\", \"payment_method\")",
    "create index \"dossier_district_submitted_stats_idx\" on \"__schema__\".\"dossier\" (\"receiving_district_id\", \"submitted_at\", \"channel\", \"status\", \"completed_at\", \"due_at\", \"electronic_result\", \"digitized\", \"synced_to_national_portal\", \"payment_method\")",
    "create index \"dossier_unit_submitted_stats_idx\" on \"__schema__\".\"dossier\" (\"receiving_unit_id\", \"submitted_at\", \"channel\", \"status\", \"completed_at\", \"due_at\", \"electronic_result\", \"digitized\", \"synced_to_national_portal\", \"payment_method\")",
    "create index \"dossier_applicant_type_applicant_id_code_index\" on \"__schema__\".\"dossier\" (\"applicant_type\", \"applicant_id\", \"code\")",
    "create table \"__schema__\".\"admin_procedure\" (\"code\" varchar(8) not null, \"name\" varchar(400) not null, \"field\" varchar(80) not null, \"level\" varchar(10) not null, \"online_service\" varchar(8) not null, \"fee_vnd\" int not null, \"processing_days\" int not null, \"essential\" boolean not null, constraint \"admin_procedure_pkey\" primary key (\"code\"))",
    "create index \"admin_procedure_field_index\" on \"__schema__\".\"admin_procedure\" (\"field\")",
    "create index \"admin_procedure_online_service_index\" on \"__schema__\".\"admin_procedure\" (\"online_service\")"
  ]
});
