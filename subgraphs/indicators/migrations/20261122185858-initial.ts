import { defineMigration } from '../../kit/migrations';

// Generated from the entities; add data moves by hand below the DDL when a change needs them.
export default defineMigration('20261122185858-initial', {
  "sqlite": [
    "create table `indicator` (`code` text not null, `name` text not null, `name_normalised` text not null, `measure` text not null, `sector_code` text not null, `frequency` text not null, `higher_is_better` integer not null, `source` text not null, `aggregation` text not null, `aggregation_weight` text null, primary key (`code`))",
    "create index `indicator_name_normalised_index` on `indicator` (`name_normalised`)",
    "create index `indicator_sector_code_index` on `indicator` (`sector_code`, `code`)",
    "create table `observation` (`id` integer not null, `indicator_code` text not null, `unit_id` text not null, `parent_unit_id` text null, `period` text not null, `period_start` text not null, `period_end` text not null, `value` double not null, primary key (`id`))",
    "create index `observation_indicator_parent_period_index` on `observation` (`indicator_code`, `parent_unit_id`, `period_start`)",
    "create unique index `observation_indicator_unit_period_index` on `observation` (`indicator_code`, `unit_id`, `period_start`)",
    "create table `rollup_weight` (`unit_id` text not null, `weight` double not null, primary key (`unit_id`))",
    "create table `sector` (`code` text not null, `name` text not null, primary key (`code`))",
    "create table `target` (`id` text not null, `programme` text not null, `name` text not null, `indicator_code` text not null, `unit_id` text not null, `target_value` double not null, `deadline` text not null, primary key (`id`))",
    "create index `target_indicator_code_index` on `target` (`indicator_code`)",
    "create index `target_unit_programme_index` on `target` (`unit_id`, `programme`)"
  ],
  "postgresql": [
    "create table \"__schema__\".\"indicator\" (\"code\" varchar(16) not null, \"name\" varchar(255) not null, \"name_normalised\" varchar(255) not null, \"measure\" varchar(32) not null, \"sector_code\" varchar(8) not null, \"frequency\" varchar(10) not null, \"higher_is_better\" boolean not null, \"source\" varchar(160) not null, \"aggregation\" varchar(20) not null, \"aggregation_weight\" varchar(20) null, constraint \"indicator_pkey\" primary key (\"code\"))",
    "create index \"indicator_name_normalised_index\" on \"__schema__\".\"indicator\" (\"name_normalised\")",
    "create index \"indicator_sector_code_index\" on \"__schema__\".\"indicator\" (\"sector_code\", \"code\")",
    "create table \"__schema__\".\"observation\" (\"id\" int not null, \"indicator_code\" varchar(16) not null, \"unit_id\" varchar(16) not null, \"parent_unit_id\" varchar(16) null, \"period\" varchar(8) not null, \"period_start\" varchar(10) not null, \"period_end\" varchar(10) not null, \"value\" double precision not null, constraint \"observation_pkey\" primary key (\"id\"))",
    "create index \"observation_indicator_parent_period_index\" on \"__schema__\".\"observation\" (\"indicator_code\", \"parent_unit_id\", \"period_start\")",
    "alter table \"__schema__\".\"observation\" add constraint \"observation_indicator_unit_period_index\" unique (\"indicator_code\", \"unit_id\", \"period_start\")",
    "create table \"__schema__\".\"rollup_weight\" (\"unit_id\" varchar(16) not null, \"weight\" double precision not null, constraint \"rollup_weight_pkey\" primary key (\"unit_id\"))",
    "create table \"__schema__\".\"sector\" (\"code\" varchar(8) not null, \"name\" varchar(120) not null, constraint \"sector_pkey\" primary key (\"code\"))",
    "create table \"__schema__\".\"target\" (\"id\" varchar(64) not null, \"programme\" varchar(120) not null, \"name\" varchar(255) not null, \"indicator_code\" varchar(16) not null, \"unit_id\" varchar(16) not null, \"target_value\" double precision not null, \"deadline\" varchar(10) not null, constraint \"target_pkey\" primary key (\"id\"))",
    "create index \"target_indicator_code_index\" on \"__schema__\".\"target\" (\"indicator_code\")",
    "create index \"target_unit_programme_index\" on \"__schema__\".\"target\" (\"unit_id\", \"programme\")"
  ]
});
