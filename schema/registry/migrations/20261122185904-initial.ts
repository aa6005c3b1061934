import { defineMigration } from '../../../subgraphs/kit/migrations';

// Generated from the entities; add data moves by hand below the DDL when a change needs them.
export default defineMigration('20261122185904-initial', {
  "sqlite": [
    "create table `agency` (`id` text not null, `name` text not null, `created_at` text not null, primary key (`id`))",
    "create table `api_token` (`id` text not null, `token_hash` text not null, `role` text not null, `agency_id` text null, `label` text not null, `created_at` text not null, `revoked_at` text null, primary key (`id`))",
    "create unique index `api_token_hash_unique` on `api_token` (`token_hash`)",
    "create index `api_token_agency_id_index` on `api_token` (`agency_id`)",
    "create table `access_grant` (`id` text not null, `agency` text not null, `level` text null, `fields` text not null, `purposes` text not null, `legal_basis` text not null, `valid_from` text null, `valid_to` text null, `created_at` text not null, `revoked_at` text null, primary key (`id`))",
    "create index `access_grant_agency_index` on `access_grant` (`agency`)",
    "create table `operation_field` (`id` integer not null primary key autoincrement, `signature_hash` text not null, `coordinate` text not null, `type_name` text not null)",
    "create index `operation_field_coordinate_index` on `operation_field` (`coordinate`)",
    "create index `operation_field_type_name_index` on `operation_field` (`type_name`)",
    "create unique index `operation_field_unique` on `operation_field` (`signature_hash`, `coordinate`)",
    "create table `operation_signature` (`hash` text not null, `operation_name` text null, `signature` text not null, `first_seen_at` text not null, primary key (`hash`))",
    "create table `operation_usage` (`id` integer not null primary key autoincrement, `signature_hash` text not null, `day` text not null, `client` text not null, `count` integer not null, `last_seen_at` text not null)",
    "create index `operation_usage_day_index` on `operation_usage` (`day`)",
    "create unique index `operation_usage_unique` on `operation_usage` (`signature_hash`, `day`, `client`)",
    "create table `registered_subgraph` (`name` text not null, `agency_id` text not null, `signing_secret` text not null, `created_at` text not null, primary key (`name`))",
    "create index `registered_subgraph_agency_id_index` on `registered_subgraph` (`agency_id`)",
    "create table `supergraph_rollout` (`id` integer not null primary key autoincrement, `version` integer not null, `previous_version` integer null, `at` text not null, `actor` text not null, `reason` text not null)",
    "create table `schema_publish` (`id` integer not null primary key autoincrement, `subgraph_name` text not null, `routing_url` text not null, `sdl` text not null, `sdl_hash` text not null, `published_at` text not null, `agency_id` text not null, `token_label` text not null, `forced` integer not null, `supergraph_version` integer not null, `changes` text not null)",
    "create index `schema_publish_subgraph_index` on `schema_publish` (`subgraph_name`, `id`)",
    "create table `supergraph_version` (`version` integer not null, `hash` text not null, `supergraph_sdl` text not null, `api_schema_sdl` text not null, `created_at` text not null, `author` text not null, `subgraph_name` text not null, `summary` text not null, `subgraphs` text not null, primary key (`version`))",
    "create index `supergraph_version_hash_index` on `supergraph_version` (`hash`)"
  ],
  "postgresql": [
    "create table \"__schema__\".\"agency\" (\"id\" varchar(40) not null, \"name\" varchar(200) not null, \"created_at\" varchar(24) not null, constraint \"agency_pkey\" primary key (\"id\"))",
    "create table \"__schema__\".\"api_token\" (\"id\" varchar(36) not null, \"token_hash\" varchar(64) not null, \"role\" varchar(10) not null, \"agency_id\" varchar(40) null, \"label\" varchar(100) not null, \"created_at\" varchar(24) not null, \"revoked_at\" varchar(24) null, constraint \"api_token_pkey\" primary key (\"id\"))",
    "alter table \"__schema__\".\"api_token\" add constraint \"api_token_hash_unique\" unique (\"token_hash\")",
    "create index \"api_token_agency_id_index\" on \"__schema__\".\"api_token\" (\"agency_id\")",
    "create table \"__schema__\".\"access_grant\" (\"id\" varchar(36) not null, \"agency\" varchar(64) not null, \"level\" varchar(16) null, \"fields\" text not null, \"purposes\" text not null, \"legal_basis\" text not null, \"valid_from\" varchar(10) null, \"valid_to\" varchar(10) null, \"created_at\" varchar(24) not null, \"revoked_at\" varchar(24) null, constraint \"access_grant_pkey\" primary key (\"id\"))",
    "create index \"access_grant_agency_index\" on \"__schema__\".\"access_grant\" (\"agency\")",
    "create table \"__schema__\".\"operation_field\" (\"id\" serial primary key, \"signature_hash\" varchar(64) not null, \"coordinate\" varchar(300) not null, \"type_name\" varchar(200) not null)",
    "create index \"operation_field_coordinate_index\" on \"__schema__\".\"operation_field\" (\"coordinate\")",
    "create index \"operation_field_type_name_index\" on \"__schema__\".\"operation_field\" (\"type_name\")",
    "alter table \"__schema__\".\"operation_field\" add constraint \"operation_field_unique\" unique (\"signature_hash\", \"coordinate\")",
    "create table \"__schema__\".\"operation_signature\" (\"hash\" varchar(64) not null, \"operation_name\" varchar(200) null, \"signature\" text not null, \"first_seen_at\" varchar(24) not null, constraint \"operation_signature_pkey\" primary key (\"hash\"))",
    "create table \"__schema__\".\"operation_usage\" (\"id\" serial primary key, \"signature_hash\" varchar(64) not null, \"day\" varchar(10) not null, \"client\" varchar(100) not null, \"count\" int not null, \"last_seen_at\" varchar(24) not null)",
    "create index \"operation_usage_day_index\" on \"__schema__\".\"operation_usage\" (\"day\")",
    "alter table \"__schema__\".\"operation_usage\" add constraint \"operation_usage_unique\" unique (\"signature_hash\", \"day\", \"client\")",
    "create table \"__schema__\".\"registered_subgraph\" (\"name\" varchar(64) not null, \"agency_id\" varchar(40) not null, \"signing_secret\" varchar(64) not null, \"created_at\" varchar(24) not null, constraint \"registered_subgraph_pkey\" primary key (\"name\"))",
    "create index \"registered_subgraph_agency_id_index\" on \"__schema__\".\"registered_subgraph\" (\"agency_id\")",
    "create table \"__schema__\".\"supergraph_rollout\" (\"id\" serial primary key, \"version\" int not null, \"previous_version\" int null, \"at\" varchar(24) not null, \"actor\" varchar(40) not null, \"reason\" varchar(10) not null)",
    "create table \"__schema__\".\"schema_publish\" (\"id\" serial primary key, \"subgraph_name\" varchar(64) not null, \"routing_url\" varchar(500) not null, \"sdl\" text not null, \"sdl_hash\" varchar(64) not null, \"published_at\" varchar(24) not null, \"agency_id\" varchar(40) not null, \"token_label\" varchar(100) not null, \"forced\" boolean not null, \"supergraph_version\" int not null, \"changes\" text not null)",
    "create index \"schema_publish_subgraph_index\" on \"__schema__\".\"schema_publish\" (\"subgraph_name\", \"id\")",
    "create table \"__schema__\".\"supergraph_version\" (\"version\" int not null, \"hash\" varchar(64) not null, \"supergraph_sdl\" text not null, \"api_schema_sdl\" text not null, \"created_at\" varchar(24) not null, \"author\" varchar(40) not null, \"subgraph_name\" varchar(64) not null, \"summary\" text not null, \"subgraphs\" text not null, constraint \"supergraph_version_pkey\" primary key (\"version\"))",
    "create index \"supergraph_version_hash_index\" on \"__schema__\".\"supergraph_version\" (\"hash\")"
  ]
});
