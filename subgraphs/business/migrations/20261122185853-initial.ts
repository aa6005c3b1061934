import { defineMigration } from '../../kit/migrations';

// Generated from the entities; add data moves by hand below the DDL when a change needs them.
export default defineMigration('20261122185853-initial', {
  "sqlite": [
    "create table `business` (`tax_code` text not null, `name` text not null, `name_search` text not null, `legal_form` text not null, `foreign_invested` integer not null, `industry_code` text not null, `industry_section` text not null, `registered_capital_vnd` bigint not null, `founded_on` text not null, `status` text not null, `digital_technology` integer not null, `uses_digital_platform` integer not null, `uses_e_invoice` integer not null, `commune_id` text not null, `district_id` text not null, `legal_representative_id` text not null, primary key (`tax_code`))",
    "create index `business_name_search_index` on `business` (`name_search`)",
    "create index `business_industry_section_index` on `business` (`industry_section`)",
    "create index `business_status_index` on `business` (`status`)",
    "create index `business_digital_technology_index` on `business` (`digital_technology`)",
    "create index `business_legal_representative_id_index` on `business` (`legal_representative_id`)",
    "create index `business_commune_tax_code_index` on `business` (`commune_id`, `tax_code`)",
    "create index `business_district_tax_code_index` on `business` (`district_id`, `tax_code`)",
    "create table `industry` (`code` text not null, `name` text not null, `section` text not null, primary key (`code`))",
    "create index `industry_section_index` on `industry` (`section`)",
    "create table `industry_section` (`letter` text not null, `name` text not null, primary key (`letter`))"
  ],
  "postgresql": [
    "create table \"__schema__\".\"business\" (\"tax_code\" varchar(14) not null, \"name\" varchar(255) not null, \"name_search\" varchar(255) not null, \"legal_form\" varchar(24) not null, \"foreign_invested\" boolean not null, \"industry_code\" varchar(5) not null, \"industry_section\" varchar(1) not null, \"registered_capital_vnd\" bigint not null, \"founded_on\" varchar(10) not null, \"status\" varchar(12) not null, \"digital_technology\" boolean not null, \"uses_digital_platform\" boolean not null, \"uses_e_invoice\" boolean not null, \"commune_id\" varchar(16) not null, \"district_id\" varchar(16) not null, \"legal_representative_id\" varchar(16) not null, constraint \"business_pkey\" primary key (\"tax_code\"))",
    "create index \"business_name_search_index\" on \"__schema__\".\"business\" (\"name_search\")",
    "create index \"business_industry_section_index\" on \"__schema__\".\"business\" (\"industry_section\")",
    "create index \"business_status_index\" on \"__schema__\".\"business\" (\"status\")",
    "create index \"business_digital_technology_index\" on \"__schema__\".\"business\" (\"digital_technology\")",
    "create index \"business_legal_representative_id_index\" on \"__schema__\".\"business\" (\"legal_representative_id\")",
    "create index \"business_commune_tax_code_index\" on \"__schema__\".\"business\" (\"commune_id\", \"tax_code\")",
    "create index \"business_district_tax_code_index\" on \"__schema__\".\"business\" (\"district_id\", \"tax_code\")",
    "create table \"__schema__\".\"industry\" (\"code\" varchar(5) not null, \"name\" varchar(255) not null, \"section\" varchar(1) not null, constraint \"industry_pkey\" primary key (\"code\"))",
    "create index \"industry_section_index\" on \"__schema__\".\"industry\" (\"section\")",
    "create table \"__schema__\".\"industry_section\" (\"letter\" varchar(1) not null, \"name\" varchar(255) not null, constraint \"industry_section_pkey\" primary key (\"letter\"))"
  ]
});
