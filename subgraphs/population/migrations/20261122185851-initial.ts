import { defineMigration } from '../../kit/migrations';

// Generated from the entities; add data moves by hand below the DDL when a change needs them.
export default defineMigration('20261122185851-initial', {
  "sqlite": [
    "create table `administrative_unit` (`id` text not null, `code` text not null, `name` text not null, `level` text not null, `parent_id` text null, `commune_type` text null, `valid_from` text not null, `valid_to` text null, primary key (`id`))",
    "create index `administrative_unit_parent_id_index` on `administrative_unit` (`parent_id`)",
    "create index `administrative_unit_level_valid_from_index` on `administrative_unit` (`level`, `valid_from`)",
    "create table `citizen` (`id` text not null, `cccd` text not null, `full_name` text not null, `search_name` text not null, `birth_date` text not null, `gender` text not null, `ethnicity` text not null, `residence_id` text not null, `district_id` text not null, `household_id` text not null, `electronic_id_level` integer not null, primary key (`id`))",
    "create unique index `citizen_cccd_unique` on `citizen` (`cccd`)",
    "create index `citizen_search_name_index` on `citizen` (`search_name`)",
    "create index `citizen_birth_date_index` on `citizen` (`birth_date`)",
    "create index `citizen_household_id_index` on `citizen` (`household_id`)",
    "create index `citizen_district_id_id_index` on `citizen` (`district_id`, `id`)",
    "create index `citizen_residence_id_id_index` on `citizen` (`residence_id`, `id`)",
    "create table `household` (`id` text not null, `head_id` text not null, `residence_id` text not null, `district_id` text not null, primary key (`id`))",
    "create index `household_head_id_index` on `household` (`head_id`)",
    "create index `household_residence_id_index` on `household` (`residence_id`)",
    "create index `household_district_id_index` on `household` (`district_id`)"
  ],
  "postgresql": [
    "create table \"__schema__\".\"administrative_unit\" (\"id\" varchar(32) not null, \"code\" varchar(8) not null, \"name\" varchar(100) not null, \"level\" varchar(8) not null, \"parent_id\" varchar(32) null, \"commune_type\" varchar(8) null, \"valid_from\" varchar(10) not null, \"valid_to\" varchar(10) null, constraint \"administrative_unit_pkey\" primary key (\"id\"))",
    "create index \"administrative_unit_parent_id_index\" on \"__schema__\".\"administrative_unit\" (\"parent_id\")",
    "create index \"administrative_unit_level_valid_from_index\" on \"__schema__\".\"administrative_unit\" (\"level\", \"valid_from\")",
    "create table \"__schema__\".\"citizen\" (\"id\" varchar(16) not null, \"cccd\" varchar(12) not null, \"full_name\" varchar(100) not null, \"search_name\" varchar(100) not null, \"birth_date\" varchar(10) not null, \"gender\" varchar(6) not null, \"ethnicity\" varchar(32) not null, \"residence_id\" varchar(32) not null, \"district_id\" varchar(32) not null, \"household_id\" varchar(16) not null, \"electronic_id_level\" int not null, constraint \"citizen_pkey\" primary key (\"id\"))",
    "alter table \"__schema__\".\"citizen\" add constraint \"citizen_cccd_unique\" unique (\"cccd\")",
    "create index \"citizen_search_name_index\" on \"__schema__\".\"citizen\" (\"search_name\")",
    "create index \"citizen_birth_date_index\" on \"__schema__\".\"citizen\" (\"birth_date\")",
    "create index \"citizen_household_id_index\" on \"__schema__\".\"citizen\" (\"household_id\")",
    "create index \"citizen_district_id_id_index\" on \"__schema__\".\"citizen\" (\"district_id\", \"id\")",
    "create index \"citizen_residence_id_id_index\" on \"__schema__\".\"citizen\" (\"residence_id\", \"id\")",
    "create table \"__schema__\".\"household\" (\"id\" varchar(16) not null, \"head_id\" varchar(16) not null, \"residence_id\" varchar(32) not null, \"district_id\" varchar(32) not null, constraint \"household_pkey\" primary key (\"id\"))",
    "create index \"household_head_id_index\" on \"__schema__\".\"household\" (\"head_id\")",
    "create index \"household_residence_id_index\" on \"__schema__\".\"household\" (\"residence_id\")",
    "create index \"household_district_id_index\" on \"__schema__\".\"household\" (\"district_id\")"
  ]
});
