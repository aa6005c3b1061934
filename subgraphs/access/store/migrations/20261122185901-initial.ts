import { defineMigration } from '../../../kit/migrations';

// Generated from the entities; add data moves by hand below the DDL when a change needs them.
export default defineMigration('20261122185901-initial', {
  "sqlite": [
    "create table `access_record` (`seq` integer not null, `at` text not null, `agency` text null, `user_id` text not null, `purpose` text not null, `legal_basis` text not null, `operation_name` text null, `operation_hash` text not null, `fields` text not null, `subjects` text not null, `outcome` text not null, `prev_hash` text not null, `hash` text not null, primary key (`seq`))",
    "create index `access_record_at_index` on `access_record` (`at`)",
    "create table `access_record_subject` (`record_seq` integer not null, `citizen_id` text not null, `cccd` text null, primary key (`record_seq`, `citizen_id`))",
    "create index `access_record_subject_citizen_id_record_seq_index` on `access_record_subject` (`citizen_id`, `record_seq`)",
    "create index `access_record_subject_cccd_record_seq_index` on `access_record_subject` (`cccd`, `record_seq`)"
  ],
  "postgresql": [
    "create table \"__schema__\".\"access_record\" (\"seq\" int not null, \"at\" varchar(24) not null, \"agency\" varchar(64) null, \"user_id\" varchar(256) not null, \"purpose\" varchar(64) not null, \"legal_basis\" text not null, \"operation_name\" varchar(256) null, \"operation_hash\" varchar(64) not null, \"fields\" text not null, \"subjects\" text not null, \"outcome\" varchar(16) not null, \"prev_hash\" varchar(64) not null, \"hash\" varchar(64) not null, constraint \"access_record_pkey\" primary key (\"seq\"))",
    "create index \"access_record_at_index\" on \"__schema__\".\"access_record\" (\"at\")",
    "create table \"__schema__\".\"access_record_subject\" (\"record_seq\" int not null, \"citizen_id\" varchar(32) not null, \"cccd\" varchar(12) null, constraint \"access_record_subject_pkey\" primary key (\"record_seq\", \"citizen_id\"))",
    "create index \"access_record_subject_citizen_id_record_seq_index\" on \"__schema__\".\"access_record_subject\" (\"citizen_id\", \"record_seq\")",
    "create index \"access_record_subject_cccd_record_seq_index\" on \"__schema__\".\"access_record_subject\" (\"cccd\", \"record_seq\")"
  ]
});
